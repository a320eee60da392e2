package io.plugsync.api.library.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * Two versions of one object: their metadata, a unified diff of the decrypted text and the RFC 6902
 * patch between their normalized payloads (frontmatter and parsed fields).
 */
public record VersionComparison(
        UUID configObjectId,
        VersionSummary from,
        VersionSummary to,
        boolean identical,
        String diff,
        int linesAdded,
        int linesRemoved,
        JsonNode payloadPatch) {}
