package io.plugsync.common.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code connector.version.published}: a connector's version became active. Written by the SQL
 * function {@code plugsync_publish_connector_version} (a publish) and by the dispatcher's drift
 * repair; the document and manifests are read from the immutable version rows, so outbox rows stay
 * small whatever the document size.
 */
@RegisterForReflection
public record ConnectorVersionPublished(
        @JsonProperty("connector_id") UUID connectorId,
        @JsonProperty("organization_id") UUID organizationId,
        @JsonProperty("version") int version,
        @JsonProperty("checksum") String checksum,
        @JsonProperty("published_at") OffsetDateTime publishedAt)
        implements OutboxPayload {

    public ConnectorVersionPublished {
        Objects.requireNonNull(connectorId, "connector_id");
        Objects.requireNonNull(organizationId, "organization_id");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(publishedAt, "published_at");
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive");
        }
    }

    @Override
    public EventType<ConnectorVersionPublished> eventType() {
        return OutboxContract.CONNECTOR_VERSION_PUBLISHED;
    }

    @Override
    public String aggregateId() {
        return connectorId.toString();
    }
}
