package io.plugsync.dispatcher.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.replica.ReplicatedConfig;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One published version as stored in PostgreSQL (immutable rows), ready to replicate. */
public record PublishedVersion(
        UUID connectorId,
        int version,
        String checksum,
        JsonNode document,
        Map<String, ReplicatedConfig.FlowManifest> manifests,
        OffsetDateTime publishedAt) {}
