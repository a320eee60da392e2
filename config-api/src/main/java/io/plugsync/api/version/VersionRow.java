package io.plugsync.api.version;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of {@code connector_config_versions}; {@code document} is null in list queries. */
public record VersionRow(
        UUID connectorId,
        int version,
        JsonNode document,
        String checksum,
        boolean active,
        String publishedBy,
        String publishedByKind,
        String message,
        int basedOnVersion,
        OffsetDateTime publishedAt) {}
