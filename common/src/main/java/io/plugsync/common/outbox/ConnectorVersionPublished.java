package io.plugsync.common.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Payload of {@code connector.version.published}. The document and manifests are read by the
 * dispatcher from the immutable {@code connector_config_versions} / {@code event_flow_manifests}
 * rows, so outbox rows stay small whatever the document size.
 */
public record ConnectorVersionPublished(
        @JsonProperty("connector_id") UUID connectorId,
        @JsonProperty("organization_id") UUID organizationId,
        @JsonProperty("version") int version,
        @JsonProperty("checksum") String checksum,
        @JsonProperty("published_at") OffsetDateTime publishedAt) {}
