package io.plugsync.api.governance.gate;

import io.micrometer.core.instrument.MeterRegistry;
import io.plugsync.api.governance.policy.FreezeWindow;
import io.plugsync.api.governance.policy.PolicyRepository;
import io.plugsync.api.governance.policy.PolicyRepository.ConnectorPolicy;
import io.plugsync.api.governance.policy.PublishPolicy;
import io.plugsync.api.governance.review.ReviewRepository;
import io.plugsync.api.governance.review.ReviewRow;
import io.plugsync.api.governance.review.Tally;
import io.plugsync.api.governance.review.VerdictRow;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * The one publish gate. Every publish (POST /publish, PUT /config?publish=true, the CLI, MCP, the
 * dashboard, idempotent first attempts and scheduled publishes) passes here inside its transaction,
 * with the draft row locked, right before the version is written: the caller's role must be one of
 * the policy's publishers, agents need {@code agent_publish = allowed}, no freeze window may be
 * open, and with {@code required_approvals > 0} the connector's open review must be of exactly the
 * draft being published, with no pending change request and enough approvals by others. A publish
 * that would write nothing (stale base, no changes) is left to the publish function's answer.
 */
@ApplicationScoped
public class PublishGate {
    static final String PUBLISH_CAPABILITY = "connector:publish";
    private static final String EMPTY_CHECKSUM = CanonicalJson.sha256(V3Document.empty());

    private final PolicyRepository policies;
    private final ReviewRepository reviews;
    private final MeterRegistry metrics;

    public PublishGate(PolicyRepository policies, ReviewRepository reviews, MeterRegistry metrics) {
        this.policies = policies;
        this.reviews = reviews;
        this.metrics = metrics;
    }

    /** Lets the attempt through or fails with a {@link PublishRefusal}. */
    public Uni<Clearance> check(SqlClient db, PublishAttempt attempt) {
        return policies.forConnector(db, attempt.organizationId(), attempt.connectorId())
                .flatMap(found -> {
                    ConnectorPolicy policy =
                            found.orElseThrow(() -> ProblemException.notFound("connector " + attempt.connectorId()));
                    PublishPolicy effective = policy.effective();
                    if (!writesAVersion(attempt, policy)) {
                        // stale base or nothing to publish: the publish function answers that, writing nothing
                        return Uni.createFrom().item(new Clearance(effective, null));
                    }
                    requirePublisher(attempt, policy, effective);
                    requireAgentsAllowed(attempt, policy, effective);
                    requireNoFreeze(attempt, policy, effective);
                    if (effective.requiredApprovals() == 0) {
                        return Uni.createFrom().item(new Clearance(effective, null));
                    }
                    if (policy.openReviewId() == null) {
                        throw refuse(
                                attempt,
                                Problem.of(
                                                409,
                                                "review-required",
                                                "Conflict",
                                                "publishing this connector needs a review with "
                                                        + effective.requiredApprovals()
                                                        + " approval(s) by others, and no review was requested for"
                                                        + " this draft: request one (POST .../reviews, `plugsync"
                                                        + " review request`, MCP request_review)")
                                        .with("required_approvals", effective.requiredApprovals())
                                        .with("draft_revision", attempt.draftRevision())
                                        .with(
                                                "policy",
                                                source(policy.overrides().requiredApprovals())));
                    }
                    return reviews.find(db, attempt.connectorId(), policy.openReviewId(), false)
                            .flatMap(review -> reviews.verdicts(db, List.of(policy.openReviewId()))
                                    .map(threads -> approve(
                                            attempt,
                                            policy,
                                            effective,
                                            review.orElseThrow(),
                                            threads.getOrDefault(policy.openReviewId(), List.of()))));
                });
    }

    /**
     * After the version was written (same transaction): the connector's open review, if any, is
     * closed, as {@code published} when it was of exactly this draft, else as {@code superseded}.
     */
    public Uni<Void> published(SqlClient db, PublishAttempt attempt, int version) {
        return reviews.closeOnPublish(
                db,
                attempt.connectorId(),
                attempt.draftRevision(),
                attempt.checksum(),
                version,
                attempt.caller().subject());
    }

    /** Whether the publish function would write a version: the base is the active one and the content differs. */
    private static boolean writesAVersion(PublishAttempt attempt, ConnectorPolicy policy) {
        if (attempt.baseVersion() != policy.activeVersion()) {
            return false;
        }
        String active = policy.activeVersion() == 0 ? EMPTY_CHECKSUM : policy.activeChecksum();
        return !attempt.checksum().equals(active);
    }

    private void requirePublisher(PublishAttempt attempt, ConnectorPolicy policy, PublishPolicy effective) {
        OrgRole role = attempt.role();
        if (effective.mayPublish(role)) {
            return;
        }
        throw refuse(
                attempt,
                Problem.of(
                                403,
                                ProblemException.MISSING_CAPABILITY,
                                "Forbidden",
                                "publishing this connector needs one of the organisation roles "
                                        + String.join(", ", effective.publishers()) + " (publishers); yours is "
                                        + role.wire())
                        .with("missing_capability", PUBLISH_CAPABILITY)
                        .with("required_org_role", effective.weakestPublisher())
                        .with("your_org_role", role.wire())
                        .with("publishers", effective.publishers())
                        .with("policy", source(policy.overrides().publishers())));
    }

    private void requireAgentsAllowed(PublishAttempt attempt, ConnectorPolicy policy, PublishPolicy effective) {
        if (!attempt.byAgent() || effective.agentsMayPublish()) {
            return;
        }
        throw refuse(
                attempt,
                Problem.of(
                                403,
                                "agent-publish-not-allowed",
                                "Forbidden",
                                "this organisation requires a person to publish connector configs (agent_publish ="
                                        + " never). The change stays in the draft: call request_review (MCP) or POST"
                                        + " .../reviews with a summary, and a person reviews the diff and publishes")
                        .with("agent_publish", effective.agentPublish())
                        .with("writer_kind", attempt.writer().wire())
                        .with("policy", source(policy.overrides().agentPublish())));
    }

    private void requireNoFreeze(PublishAttempt attempt, ConnectorPolicy policy, PublishPolicy effective) {
        FreezeWindow window = effective.freezeAt(attempt.at()).orElse(null);
        if (window == null) {
            return;
        }
        long retryAfter = Math.max(
                1, Duration.between(attempt.at(), window.endsAt().toInstant()).toSeconds());
        Problem problem = Problem.of(
                        423,
                        "publish-frozen",
                        "Locked",
                        "publishing is frozen until " + window.endsAt()
                                + (window.reason() == null ? "" : " (" + window.reason() + ")"))
                .with("freeze_starts_at", window.startsAt())
                .with("freeze_ends_at", window.endsAt())
                .with("retry_after_seconds", retryAfter)
                .with("policy", source(policy.overrides().freezeWindows()));
        if (window.reason() != null) {
            problem = problem.with("freeze_reason", window.reason());
        }
        throw refuse(attempt, problem);
    }

    private Clearance approve(
            PublishAttempt attempt,
            ConnectorPolicy policy,
            PublishPolicy effective,
            ReviewRow review,
            List<VerdictRow> thread) {
        int required = effective.requiredApprovals();
        String requiredFrom = source(policy.overrides().requiredApprovals());
        if (!review.snapshotOf(attempt.draftRevision(), attempt.draftBaseVersion(), attempt.checksum())) {
            throw refuse(
                    attempt,
                    Problem.of(
                                    409,
                                    "changed-since-review",
                                    "Conflict",
                                    "the draft changed since review " + review.id() + " (reviewed revision "
                                            + review.draftRevision() + ", draft revision " + attempt.draftRevision()
                                            + "): its approvals no longer count; request a new review of the draft"
                                            + " as it is")
                            .with("review_id", review.id())
                            .with("reviewed_revision", review.draftRevision())
                            .with("draft_revision", attempt.draftRevision())
                            .with("required_approvals", required)
                            .with("policy", requiredFrom));
        }
        Tally tally = Tally.of(thread, effective.allowSelfApproval(), true);
        if (!tally.changesRequestedBy().isEmpty()) {
            throw refuse(
                    attempt,
                    Problem.of(
                                    409,
                                    "changes-requested",
                                    "Conflict",
                                    String.join(", ", tally.changesRequestedBy()) + " requested changes on review "
                                            + review.id() + "; change the draft and request a new review, or ask them"
                                            + " to approve")
                            .with("review_id", review.id())
                            .with("changes_requested_by", tally.changesRequestedBy()));
        }
        if (tally.approvals() < required) {
            int missing = required - tally.approvals();
            throw refuse(
                    attempt,
                    Problem.of(
                                    409,
                                    "approvals-missing",
                                    "Conflict",
                                    "review " + review.id() + " has " + tally.approvals() + " of " + required
                                            + " required approval(s) by others; " + missing + " more needed"
                                            + (effective.allowSelfApproval()
                                                    ? ""
                                                    : " (approvals by the requester or the draft's authors do not"
                                                            + " count)"))
                            .with("review_id", review.id())
                            .with("required_approvals", required)
                            .with("approvals", tally.approvals())
                            .with("missing_approvals", missing)
                            .with("approved_by", tally.countedApprovals())
                            .with("policy", requiredFrom));
        }
        return new Clearance(effective, review.id());
    }

    private PublishRefusal refuse(PublishAttempt attempt, Problem problem) {
        PublishRefusal refusal = new PublishRefusal(problem, attempt);
        metrics.counter(
                        "plugsync.publish.refusals",
                        "reason",
                        refusal.reason(),
                        "writer",
                        attempt.writer().wire())
                .increment();
        return refusal;
    }

    /** Which level of the policy decided a field: the connector's override or the organisation. */
    private static String source(Object override) {
        return override != null ? "connector" : "organization";
    }
}
