package io.plugsync.api.draft;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The draft row of a connector, with the connector's organisation. */
public record DraftRow(
        UUID connectorId,
        UUID organizationId,
        JsonNode document,
        int baseVersion,
        long revision,
        Integer restoredFromVersion,
        String updatedBy,
        String updatedByKind,
        OffsetDateTime updatedAt) {}
