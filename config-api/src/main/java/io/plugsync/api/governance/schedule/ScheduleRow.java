package io.plugsync.api.governance.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code connector_scheduled_publish}, with the connector's organisation. */
public record ScheduleRow(
        UUID id,
        UUID connectorId,
        UUID organizationId,
        UUID reviewId,
        long draftRevision,
        int baseVersion,
        String checksum,
        OffsetDateTime publishAt,
        String message,
        String scheduledBy,
        String scheduledByKind,
        String scheduledByRole,
        String status,
        Integer publishedVersion,
        JsonNode failure,
        OffsetDateTime firedAt,
        String cancelledBy,
        OffsetDateTime createdAt) {

    public static final String PENDING = "pending";
    public static final String PUBLISHED = "published";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
}
