package io.plugsync.api.governance.review;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code connector_review_verdict}: one approval, change request or comment. */
public record VerdictRow(
        long id,
        UUID reviewId,
        String verdict,
        String reviewer,
        String writerKind,
        String comment,
        boolean selfReview,
        OffsetDateTime createdAt) {

    public static final String APPROVED = "approved";
    public static final String CHANGES_REQUESTED = "changes_requested";
    public static final String COMMENTED = "commented";

    /** Approvals and change requests decide; comments only talk. */
    public boolean decisive() {
        return !COMMENTED.equals(verdict);
    }
}
