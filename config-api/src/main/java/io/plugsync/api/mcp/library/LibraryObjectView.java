package io.plugsync.api.mcp.library;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The plaintext projection of a config object (what search and the dashboard show). */
public record LibraryObjectView(
        UUID id,
        UUID organizationId,
        String objectType,
        String title,
        String description,
        String slug,
        String relativePath,
        String sourceMode,
        String status,
        int versionCount,
        OffsetDateTime latestVersionAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
