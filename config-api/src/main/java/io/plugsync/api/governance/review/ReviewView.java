package io.plugsync.api.governance.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.governance.policy.PublishPolicy;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A review request as the API shows it: the frozen snapshot, the thread and where it stands against
 * the connector's current policy and draft.
 *
 * @param state {@code pending} (waiting for approvals), {@code approved}, {@code changes_requested},
 *     {@code changed_since_review} (the draft was written after the request: approvals no longer
 *     count), or, once closed, {@code published}, {@code superseded} or {@code withdrawn}
 * @param document the snapshot's document (only when one review is read)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewView(
        UUID id,
        UUID connectorId,
        String state,
        String status,
        String summary,
        String requestedBy,
        String requestedByKind,
        OffsetDateTime requestedAt,
        long draftRevision,
        long currentDraftRevision,
        boolean changedSinceReview,
        int baseVersion,
        int activeVersion,
        String checksum,
        List<String> changedPaths,
        JsonNode changes,
        JsonNode patch,
        JsonNode document,
        int requiredApprovals,
        int approvals,
        int missingApprovals,
        List<String> approvedBy,
        List<String> changesRequestedBy,
        List<ThreadEntry> thread,
        Integer publishedVersion,
        String closedBy,
        OffsetDateTime closedAt) {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String CHANGES_REQUESTED = "changes_requested";
    public static final String CHANGED_SINCE_REVIEW = "changed_since_review";

    /** One entry of the thread: an approval, a change request or a comment. */
    public record ThreadEntry(
            long id,
            String verdict,
            String reviewer,
            String writerKind,
            String comment,
            boolean selfReview,
            boolean counts,
            OffsetDateTime createdAt) {}

    /** The view of {@code review} given the draft's revision and base now and the effective policy. */
    public static ReviewView of(
            ReviewRow review, List<VerdictRow> verdicts, long draftRevision, int draftBase, PublishPolicy policy) {
        boolean changed =
                review.isOpen() && (review.draftRevision() != draftRevision || review.baseVersion() != draftBase);
        // a closed review keeps the tally it closed with; an open one counts only while it is of the draft
        boolean current = !changed;
        Tally tally = Tally.of(verdicts, policy.allowSelfApproval(), current);
        int required = policy.requiredApprovals();
        String state;
        if (!review.isOpen()) {
            state = review.status();
        } else if (changed) {
            state = CHANGED_SINCE_REVIEW;
        } else if (!tally.changesRequestedBy().isEmpty()) {
            state = CHANGES_REQUESTED;
        } else if (tally.approvals() >= Math.max(1, required)) {
            state = APPROVED;
        } else {
            state = PENDING;
        }
        Map<String, Long> latestDecisive = new HashMap<>();
        for (VerdictRow v : verdicts) {
            if (v.decisive()) {
                latestDecisive.put(v.reviewer(), v.id());
            }
        }
        List<ThreadEntry> thread = verdicts.stream()
                .map(v -> new ThreadEntry(
                        v.id(),
                        v.verdict(),
                        v.reviewer(),
                        v.writerKind(),
                        v.comment(),
                        v.selfReview(),
                        current
                                && Tally.counts(v, policy.allowSelfApproval())
                                && Objects.equals(latestDecisive.get(v.reviewer()), v.id()),
                        v.createdAt()))
                .toList();
        return new ReviewView(
                review.id(),
                review.connectorId(),
                state,
                review.status(),
                review.summary(),
                review.requestedBy(),
                review.requestedByKind(),
                review.requestedAt(),
                review.draftRevision(),
                draftRevision,
                changed,
                review.baseVersion(),
                review.activeVersion(),
                review.checksum(),
                review.changedPaths(),
                review.changes(),
                review.patch(),
                review.document(),
                required,
                tally.approvals(),
                Math.max(0, required - tally.approvals()),
                tally.approvedBy(),
                tally.changesRequestedBy(),
                thread,
                review.publishedVersion(),
                review.closedBy(),
                review.closedAt());
    }
}
