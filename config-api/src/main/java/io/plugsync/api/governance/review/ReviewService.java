package io.plugsync.api.governance.review;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.api.connector.ConnectorAccess;
import io.plugsync.api.draft.DraftRepository;
import io.plugsync.api.draft.DraftRow;
import io.plugsync.api.draft.DraftService;
import io.plugsync.api.draft.JournalRepository;
import io.plugsync.api.governance.audit.AuditActions;
import io.plugsync.api.governance.policy.PolicyRepository;
import io.plugsync.api.governance.policy.PublishPolicy;
import io.plugsync.api.http.Page;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgAccess;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Cursor;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.v3.DiffSummary;
import io.plugsync.common.v3.JsonDiff;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Review requests and their thread. A request freezes the draft as it stands (revision, document,
 * diff against the active version); approvals, change requests and comments are appended to it;
 * any later draft write makes it {@code changed_since_review}, so its approvals stop counting. Every
 * write runs under the draft's row lock (so it is ordered with draft writes and publishes) and is
 * journalled with the caller's subject and writer kind.
 */
@ApplicationScoped
public class ReviewService {
    public static final int MAX_TEXT = 4000;
    static final String REVIEW_CAPABILITY = "connector:review";

    private final Pool pool;
    private final DraftService drafts;
    private final DraftRepository draftRows;
    private final ConnectorAccess access;
    private final ReviewRepository reviews;
    private final PolicyRepository policies;
    private final JournalRepository journal;

    public ReviewService(
            Pool pool,
            DraftService drafts,
            DraftRepository draftRows,
            ConnectorAccess access,
            ReviewRepository reviews,
            PolicyRepository policies,
            JournalRepository journal) {
        this.pool = pool;
        this.drafts = drafts;
        this.draftRows = draftRows;
        this.access = access;
        this.reviews = reviews;
        this.policies = policies;
        this.journal = journal;
    }

    /** The review a request answers with, and whether it was created (else: the open review of this draft). */
    public record Requested(ReviewView review, boolean created) {}

    /**
     * Asks for a review of the draft as it stands. When the open review is already of exactly this
     * draft it is answered as is; an open review of an older draft is superseded.
     */
    public Uni<Requested> request(Caller caller, WriterKind writer, UUID connectorId, String summary) {
        String text = text("/summary", summary, true);
        return pool.withTransaction(db -> drafts.lockForWrite(db, caller, connectorId)
                .flatMap(draft -> reviews.findOpen(db, connectorId).flatMap(open -> {
                    String checksum = CanonicalJson.sha256(draft.document());
                    if (open.isPresent() && open.get().snapshotOf(draft.revision(), draft.baseVersion(), checksum)) {
                        return view(db, draft, open.get()).map(view -> new Requested(view, false));
                    }
                    Uni<Boolean> superseded = open.isPresent()
                            ? reviews.close(db, open.get().id(), ReviewRow.SUPERSEDED, caller.subject())
                            : Uni.createFrom().item(false);
                    return superseded
                            .flatMap(ignored -> snapshot(db, caller, writer, draft, checksum, text))
                            .flatMap(review -> view(db, draft, review))
                            .map(view -> new Requested(view, true));
                })));
    }

    /** Approves an open review of the current draft; the requester and the draft's authors only when the policy allows. */
    public Uni<ReviewView> approve(Caller caller, WriterKind writer, UUID connectorId, UUID reviewId, String comment) {
        String text = text("/comment", comment, false);
        return verdict(caller, writer, connectorId, reviewId, (db, draft, review, policy) -> {
            requirePerson(writer, "approve");
            requireCurrent(review, draft);
            return reviews.authorsSinceLastPublish(db, connectorId).flatMap(authors -> {
                boolean self = isSelf(caller, review, authors);
                if (self && !policy.allowSelfApproval()) {
                    throw selfApproval(caller, review, authors);
                }
                return record(db, caller, writer, draft, review, VerdictRow.APPROVED, text, self);
            });
        });
    }

    /** Asks for changes on an open review of the current draft: the draft cannot be published until they approve. */
    public Uni<ReviewView> requestChanges(
            Caller caller, WriterKind writer, UUID connectorId, UUID reviewId, String comment) {
        String text = text("/comment", comment, true);
        return verdict(caller, writer, connectorId, reviewId, (db, draft, review, policy) -> {
            requirePerson(writer, "request changes");
            requireCurrent(review, draft);
            return record(db, caller, writer, draft, review, VerdictRow.CHANGES_REQUESTED, text, false);
        });
    }

    /** Adds a comment to an open review's thread. */
    public Uni<ReviewView> comment(Caller caller, WriterKind writer, UUID connectorId, UUID reviewId, String comment) {
        String text = text("/comment", comment, true);
        return verdict(
                caller,
                writer,
                connectorId,
                reviewId,
                (db, draft, review, policy) ->
                        record(db, caller, writer, draft, review, VerdictRow.COMMENTED, text, false));
    }

    /** Closes an open review without publishing: its requester, or an organisation admin. */
    public Uni<ReviewView> withdraw(Caller caller, WriterKind writer, UUID connectorId, UUID reviewId) {
        return verdict(caller, writer, connectorId, reviewId, (db, draft, review, policy) -> {
            OrgRole role = caller.roleIn(draft.organizationId()).orElse(OrgRole.VIEWER);
            if (!caller.subject().equals(review.requestedBy()) && !role.isOrgAdmin()) {
                throw new ProblemException(ProblemException.missingCapability(
                                "connector:review:withdraw", OrgRole.ADMIN.wire(), role.wire())
                        .problem()
                        .with("requested_by", review.requestedBy()));
            }
            return reviews.close(db, review.id(), ReviewRow.WITHDRAWN, caller.subject())
                    .flatMap(closed ->
                            journalEntry(db, caller, writer, draft, AuditActions.REVIEW_WITHDRAWN, detail(review.id())))
                    .flatMap(done -> reviews.find(db, draft.connectorId(), review.id(), false))
                    .flatMap(found -> view(db, draft, found.orElseThrow()));
        });
    }

    /** One review of the connector, with its snapshot's document. */
    public Uni<ReviewView> get(Caller caller, UUID connectorId, UUID reviewId) {
        return pool.withConnection(db -> access.read(db, caller, connectorId)
                .flatMap(org -> current(db, connectorId))
                .flatMap(draft -> reviews.find(db, connectorId, reviewId, true)
                        .map(found -> found.orElseThrow(() -> notFound(reviewId)))
                        .flatMap(review -> view(db, draft, review))));
    }

    /** Reviews of the connector, newest first ({@code status}: open, published, superseded, withdrawn or all). */
    public Uni<Page<ReviewView>> list(Caller caller, UUID connectorId, String status, String cursor, int limit) {
        if (status != null
                && !List.of(ReviewRow.OPEN, ReviewRow.PUBLISHED, ReviewRow.SUPERSEDED, ReviewRow.WITHDRAWN)
                        .contains(status)) {
            throw ProblemException.invalid(
                    "unknown status",
                    List.of(new Problem.FieldError(
                            "query:status", "one of open, published, superseded, withdrawn", "enum")));
        }
        OffsetDateTime beforeAt = null;
        UUID beforeId = null;
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            try {
                beforeAt = OffsetDateTime.parse(keys.get(0));
                beforeId = UUID.fromString(keys.get(1));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this API issued");
            }
        }
        OffsetDateTime at = beforeAt;
        UUID id = beforeId;
        return pool.withConnection(db -> access.read(db, caller, connectorId)
                .flatMap(org -> current(db, connectorId))
                .flatMap(draft -> reviews.page(db, connectorId, status, at, id, limit + 1)
                        .flatMap(rows -> {
                            List<ReviewRow> page = rows.subList(0, Math.min(limit, rows.size()));
                            String next = rows.size() > limit
                                    ? Cursor.encode(
                                            page.get(limit - 1).requestedAt().toString(),
                                            page.get(limit - 1).id().toString())
                                    : null;
                            return views(db, draft, page).map(items -> new Page<>(items, next));
                        })));
    }

    /** A write on one review, in a transaction holding the draft's row lock. */
    @FunctionalInterface
    interface ReviewWrite {
        Uni<ReviewView> apply(SqlClient db, DraftRow draft, ReviewRow review, PublishPolicy policy);
    }

    private Uni<ReviewView> verdict(
            Caller caller, WriterKind writer, UUID connectorId, UUID reviewId, ReviewWrite write) {
        return pool.withTransaction(db -> lockForReview(db, caller, connectorId)
                .flatMap(draft -> reviews.find(db, connectorId, reviewId, false)
                        .map(found -> found.orElseThrow(() -> notFound(reviewId)))
                        .flatMap(review -> {
                            if (!review.isOpen()) {
                                throw new ProblemException(Problem.of(
                                                409,
                                                "review-closed",
                                                "Conflict",
                                                "review " + reviewId + " is " + review.status()
                                                        + "; request a new review of the draft")
                                        .with("review_id", reviewId)
                                        .with("status", review.status()));
                            }
                            return policy(db, draft).flatMap(policy -> write.apply(db, draft, review, policy));
                        })));
    }

    private Uni<DraftRow> lockForReview(SqlClient db, Caller caller, UUID connectorId) {
        return draftRows.lock(db, connectorId).map(found -> {
            DraftRow draft = found.orElseThrow(() -> ProblemException.notFound("connector " + connectorId));
            OrgAccess.require(
                    caller, draft.organizationId(), OrgRole.EDITOR, REVIEW_CAPABILITY, "connector " + connectorId);
            return draft;
        });
    }

    private Uni<DraftRow> current(SqlClient db, UUID connectorId) {
        return draftRows
                .find(db, connectorId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("connector " + connectorId)));
    }

    private Uni<PublishPolicy> policy(SqlClient db, DraftRow draft) {
        return policies.forConnector(db, draft.organizationId(), draft.connectorId())
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("connector " + draft.connectorId()))
                        .effective());
    }

    private Uni<ReviewRow> snapshot(
            SqlClient db, Caller caller, WriterKind writer, DraftRow draft, String checksum, String summary) {
        return drafts.active(db, draft.connectorId()).flatMap(active -> {
            List<String> paths = JsonDiff.changedPaths(active.document(), draft.document());
            DiffSummary changes = DiffSummary.of(active.document(), draft.document());
            String changesJson = V3Document.write(V3Document.mapper().valueToTree(changes));
            return reviews.insert(
                            db,
                            new ReviewRepository.Snapshot(
                                    draft.connectorId(),
                                    draft.revision(),
                                    draft.baseVersion(),
                                    active.version(),
                                    V3Document.write(draft.document()),
                                    checksum,
                                    V3Document.write(JsonDiff.diff(active.document(), draft.document())),
                                    changesJson,
                                    paths,
                                    summary,
                                    caller.subject(),
                                    writer.wire()))
                    .call(review -> {
                        ObjectNode detail = detail(review.id());
                        detail.put("summary", summary);
                        detail.put("base_version", draft.baseVersion());
                        detail.put("active_version", active.version());
                        detail.set("changes", V3Document.parse(changesJson));
                        return journal.record(
                                db,
                                draft.connectorId(),
                                draft.revision(),
                                AuditActions.REVIEW_REQUESTED,
                                writer.wire(),
                                caller.subject(),
                                paths,
                                V3Document.write(detail));
                    });
        });
    }

    private Uni<ReviewView> record(
            SqlClient db,
            Caller caller,
            WriterKind writer,
            DraftRow draft,
            ReviewRow review,
            String verdict,
            String comment,
            boolean self) {
        ObjectNode detail = detail(review.id());
        if (comment != null) {
            detail.put("comment", comment);
        }
        if (self) {
            detail.put("self_review", true);
        }
        String action = switch (verdict) {
            case VerdictRow.APPROVED -> AuditActions.REVIEW_APPROVED;
            case VerdictRow.CHANGES_REQUESTED -> AuditActions.REVIEW_CHANGES_REQUESTED;
            default -> AuditActions.REVIEW_COMMENTED;
        };
        return reviews.addVerdict(db, review.id(), verdict, caller.subject(), writer.wire(), comment, self)
                .flatMap(done -> journalEntry(db, caller, writer, draft, action, detail))
                .flatMap(done -> view(db, draft, review));
    }

    private Uni<Void> journalEntry(
            SqlClient db, Caller caller, WriterKind writer, DraftRow draft, String action, ObjectNode detail) {
        return journal.record(
                db,
                draft.connectorId(),
                draft.revision(),
                action,
                writer.wire(),
                caller.subject(),
                List.of(),
                V3Document.write(detail));
    }

    private Uni<ReviewView> view(SqlClient db, DraftRow draft, ReviewRow review) {
        return views(db, draft, List.of(review)).map(list -> list.get(0));
    }

    private Uni<List<ReviewView>> views(SqlClient db, DraftRow draft, List<ReviewRow> rows) {
        return policy(db, draft)
                .flatMap(policy -> reviews.verdicts(
                                db, rows.stream().map(ReviewRow::id).toList())
                        .map(threads -> rows.stream()
                                .map(r -> ReviewView.of(
                                        r,
                                        threads.getOrDefault(r.id(), List.of()),
                                        draft.revision(),
                                        draft.baseVersion(),
                                        policy))
                                .toList()));
    }

    private static boolean isSelf(Caller caller, ReviewRow review, Set<String> authors) {
        return caller.subject().equals(review.requestedBy()) || authors.contains(caller.subject());
    }

    private static void requireCurrent(ReviewRow review, DraftRow draft) {
        if (!review.snapshotOf(draft.revision(), draft.baseVersion(), CanonicalJson.sha256(draft.document()))) {
            throw new ProblemException(Problem.of(
                            409,
                            "changed-since-review",
                            "Conflict",
                            "the draft changed since review " + review.id() + " (reviewed revision "
                                    + review.draftRevision() + ", draft revision " + draft.revision()
                                    + "): review the draft as it is in a new request")
                    .with("review_id", review.id())
                    .with("reviewed_revision", review.draftRevision())
                    .with("draft_revision", draft.revision()));
        }
    }

    private static void requirePerson(WriterKind writer, String what) {
        if (writer == WriterKind.AGENT || writer == WriterKind.MCP) {
            throw new ProblemException(Problem.of(
                            403,
                            "agent-review-not-allowed",
                            "Forbidden",
                            "only a person may " + what + " a review (writer kind " + writer.wire() + ")")
                    .with("writer_kind", writer.wire()));
        }
    }

    private static ProblemException selfApproval(Caller caller, ReviewRow review, Set<String> authors) {
        String why = caller.subject().equals(review.requestedBy())
                ? "you requested this review"
                : "you wrote part of this draft since the last publish";
        return new ProblemException(Problem.of(
                        403,
                        "self-approval-not-allowed",
                        "Forbidden",
                        why + "; this connector's policy needs approvals by others (allow_self_approval = false)")
                .with("review_id", review.id())
                .with("requested_by", review.requestedBy())
                .with("authors", List.copyOf(authors))
                .with("allow_self_approval", false));
    }

    private static ObjectNode detail(UUID reviewId) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("review_id", reviewId.toString());
        return detail;
    }

    /** A summary or comment: 1 to 4000 characters after trimming; null allowed when optional. */
    static String text(String pointer, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalid(
                        pointer.substring(1) + " is required",
                        List.of(new Problem.FieldError(
                                pointer, "required: 1 to " + MAX_TEXT + " characters", "required")));
            }
            return null;
        }
        String text = value.strip();
        if (text.length() > MAX_TEXT) {
            throw ProblemException.invalid(
                    pointer.substring(1) + " is too long",
                    List.of(new Problem.FieldError(pointer, "at most " + MAX_TEXT + " characters", "length")));
        }
        return text;
    }

    private static ProblemException notFound(UUID reviewId) {
        return ProblemException.notFound("review " + reviewId);
    }
}
