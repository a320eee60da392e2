package io.plugsync.api.governance.audit;

import java.util.List;
import java.util.stream.Stream;

/**
 * The draft journal actions of change governance. With {@code publish} (written by the publish
 * function) they are what {@code GET /api/connectors/{id}/audit} lists.
 */
public final class AuditActions {
    public static final String REVIEW_REQUESTED = "review_requested";
    public static final String REVIEW_APPROVED = "review_approved";
    public static final String REVIEW_CHANGES_REQUESTED = "review_changes_requested";
    public static final String REVIEW_COMMENTED = "review_commented";
    public static final String REVIEW_WITHDRAWN = "review_withdrawn";
    public static final String PUBLISH = "publish";
    public static final String PUBLISH_REFUSED = "publish_refused";
    public static final String PUBLISH_SCHEDULED = "publish_scheduled";
    public static final String SCHEDULED_PUBLISH_CANCELLED = "scheduled_publish_cancelled";
    public static final String SCHEDULED_PUBLISH_FAILED = "scheduled_publish_failed";
    public static final String PUBLISH_POLICY_CHANGED = "publish_policy_changed";

    /** Journal entries that record a governance decision rather than a change of the draft. */
    public static final List<String> GOVERNANCE = List.of(
            REVIEW_REQUESTED,
            REVIEW_APPROVED,
            REVIEW_CHANGES_REQUESTED,
            REVIEW_COMMENTED,
            REVIEW_WITHDRAWN,
            PUBLISH_REFUSED,
            PUBLISH_SCHEDULED,
            SCHEDULED_PUBLISH_CANCELLED,
            SCHEDULED_PUBLISH_FAILED,
            PUBLISH_POLICY_CHANGED);

    /** What the audit lists: every governance decision and every publish. */
    public static final List<String> AUDITED =
            Stream.concat(GOVERNANCE.stream(), Stream.of(PUBLISH)).toList();

    private AuditActions() {}
}
