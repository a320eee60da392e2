package io.plugsync.api.connector;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A connector as the API shows it. */
public record ConnectorView(
        UUID id,
        UUID organizationId,
        String name,
        String displayName,
        String kind,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int activeVersion,
        boolean hasUnpublishedChanges) {}
