package io.plugsync.api.governance.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A scheduled publish: which draft snapshot (revision + checksum, and the review that cleared it)
 * goes live on which base version at {@code publish_at}, and what happened.
 *
 * @param status {@code pending}, {@code published}, {@code failed} (with {@code failure}, the problem
 *     that stopped it: nothing was published) or {@code cancelled}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleView(
        UUID id,
        UUID connectorId,
        UUID reviewId,
        long draftRevision,
        int baseVersion,
        String checksum,
        OffsetDateTime publishAt,
        String message,
        String scheduledBy,
        String scheduledByKind,
        String status,
        Integer publishedVersion,
        JsonNode failure,
        OffsetDateTime firedAt,
        String cancelledBy,
        OffsetDateTime createdAt) {

    static ScheduleView of(ScheduleRow row) {
        return new ScheduleView(
                row.id(),
                row.connectorId(),
                row.reviewId(),
                row.draftRevision(),
                row.baseVersion(),
                row.checksum(),
                row.publishAt(),
                row.message(),
                row.scheduledBy(),
                row.scheduledByKind(),
                row.status(),
                row.publishedVersion(),
                row.failure(),
                row.firedAt(),
                row.cancelledBy(),
                row.createdAt());
    }
}
