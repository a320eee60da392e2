package io.plugsync.api.governance.schedule;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.api.connector.ConnectorAccess;
import io.plugsync.api.draft.DraftRepository;
import io.plugsync.api.draft.DraftRow;
import io.plugsync.api.draft.DraftService;
import io.plugsync.api.draft.JournalRepository;
import io.plugsync.api.governance.audit.AuditActions;
import io.plugsync.api.governance.gate.Clearance;
import io.plugsync.api.governance.gate.PublishAttempt;
import io.plugsync.api.governance.gate.PublishGate;
import io.plugsync.api.governance.gate.RefusalJournal;
import io.plugsync.api.governance.review.ReviewRepository;
import io.plugsync.api.http.Page;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Cursor;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Scheduling a publish of the draft as it is now: the same checks as a publish now (the gate, with
 * freeze windows judged at the scheduled time; the base version; validity), then the snapshot
 * (draft revision + checksum, base version, the review that cleared it) is pinned. At most one
 * pending scheduled publish per connector. {@link ScheduledPublisher} fires it.
 */
@ApplicationScoped
public class ScheduleService {
    static final int MAX_MESSAGE = 1000;

    private final Pool pool;
    private final DraftService drafts;
    private final DraftRepository draftRows;
    private final ConnectorAccess access;
    private final ScheduleRepository schedules;
    private final ReviewRepository reviews;
    private final PublishGate gate;
    private final RefusalJournal refusals;
    private final JournalRepository journal;
    private final ScheduleConfig config;

    public ScheduleService(
            Pool pool,
            DraftService drafts,
            DraftRepository draftRows,
            ConnectorAccess access,
            ScheduleRepository schedules,
            ReviewRepository reviews,
            PublishGate gate,
            RefusalJournal refusals,
            JournalRepository journal,
            ScheduleConfig config) {
        this.pool = pool;
        this.drafts = drafts;
        this.draftRows = draftRows;
        this.access = access;
        this.schedules = schedules;
        this.reviews = reviews;
        this.gate = gate;
        this.refusals = refusals;
        this.journal = journal;
        this.config = config;
    }

    public Uni<ScheduleView> schedule(Caller caller, WriterKind writer, UUID connectorId, ScheduleRequest request) {
        validate(request);
        Uni<ScheduleView> scheduled = pool.withTransaction(db -> drafts.lockForWrite(db, caller, connectorId)
                .flatMap(draft -> drafts.active(db, connectorId).flatMap(active -> {
                    if (active.version() != request.baseVersion()) {
                        throw new ProblemException(Problem.of(
                                        409,
                                        "stale-base-version",
                                        "Conflict",
                                        "the active version is " + active.version() + ", not "
                                                + request.baseVersion()
                                                + "; schedule on the active version")
                                .with("active_version", active.version())
                                .with("base_version", request.baseVersion()));
                    }
                    DraftService.requireValid(draft.document());
                    if (V3Document.sameContent(draft.document(), active.document())) {
                        throw new ProblemException(Problem.of(
                                        409, "no-changes", "Conflict", "the draft equals version " + active.version())
                                .with("active_version", active.version()));
                    }
                    String checksum = CanonicalJson.sha256(draft.document());
                    PublishAttempt attempt = new PublishAttempt(
                            connectorId,
                            draft.organizationId(),
                            caller,
                            writer,
                            draft.revision(),
                            draft.baseVersion(),
                            request.baseVersion(),
                            checksum,
                            request.publishAt().toInstant());
                    return gate.check(db, attempt)
                            .flatMap(clearance -> reviewOf(db, draft, checksum, request, clearance))
                            .flatMap(reviewId -> insert(db, caller, writer, draft, checksum, request, reviewId));
                })));
        return scheduled.onFailure().call(refusals::recordIfRefused);
    }

    public Uni<ScheduleView> get(Caller caller, UUID connectorId, UUID id) {
        return pool.withConnection(db -> access.read(db, caller, connectorId)
                .flatMap(org -> schedules.find(db, connectorId, id))
                .map(found -> ScheduleView.of(found.orElseThrow(() -> notFound(id)))));
    }

    public Uni<Page<ScheduleView>> list(Caller caller, UUID connectorId, String status, String cursor, int limit) {
        if (status != null
                && !List.of(ScheduleRow.PENDING, ScheduleRow.PUBLISHED, ScheduleRow.FAILED, ScheduleRow.CANCELLED)
                        .contains(status)) {
            throw ProblemException.invalid(
                    "unknown status",
                    List.of(new Problem.FieldError(
                            "query:status", "one of pending, published, failed, cancelled", "enum")));
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
        UUID after = beforeId;
        return pool.withConnection(db -> access.read(db, caller, connectorId)
                        .flatMap(org -> schedules.page(db, connectorId, status, at, after, limit + 1)))
                .map(rows -> {
                    List<ScheduleRow> items = rows.subList(0, Math.min(limit, rows.size()));
                    String next = rows.size() > limit
                            ? Cursor.encode(
                                    items.get(limit - 1).createdAt().toString(),
                                    items.get(limit - 1).id().toString())
                            : null;
                    return new Page<>(items.stream().map(ScheduleView::of).toList(), next);
                });
    }

    /** Cancels a pending scheduled publish (editors); 409 when it already fired or was cancelled. */
    public Uni<ScheduleView> cancel(Caller caller, WriterKind writer, UUID connectorId, UUID id) {
        return pool.withTransaction(db -> access.require(db, caller, connectorId, OrgRole.EDITOR, ConnectorAccess.WRITE)
                .flatMap(org -> schedules.cancel(db, connectorId, id, caller.subject()))
                .flatMap(cancelled -> {
                    if (cancelled.isEmpty()) {
                        return schedules.find(db, connectorId, id).map(found -> {
                            ScheduleRow row = found.orElseThrow(() -> notFound(id));
                            throw new ProblemException(Problem.of(
                                            409,
                                            "schedule-not-pending",
                                            "Conflict",
                                            "scheduled publish " + id + " is " + row.status())
                                    .with("scheduled_publish_id", id)
                                    .with("status", row.status()));
                        });
                    }
                    ScheduleRow row = cancelled.get();
                    return draftRows
                            .find(db, connectorId)
                            .flatMap(draft -> journal.record(
                                    db,
                                    connectorId,
                                    draft.map(DraftRow::revision).orElse(row.draftRevision()),
                                    AuditActions.SCHEDULED_PUBLISH_CANCELLED,
                                    writer.wire(),
                                    caller.subject(),
                                    List.of(),
                                    V3Document.write(detail(row))))
                            .map(done -> ScheduleView.of(row));
                }));
    }

    /** The review the schedule pins: the one the caller named (must be of this draft) or the gate's. */
    private Uni<UUID> reviewOf(
            SqlClient db, DraftRow draft, String checksum, ScheduleRequest request, Clearance clearance) {
        if (request.reviewId() == null) {
            return Uni.createFrom().item(clearance.reviewId());
        }
        return reviews.find(db, draft.connectorId(), request.reviewId(), false).map(found -> {
            var review = found.orElseThrow(() -> ProblemException.invalid(
                    "unknown review",
                    List.of(new Problem.FieldError("/review_id", "not a review of this connector", "not_found"))));
            if (!review.isOpen() || !review.snapshotOf(draft.revision(), draft.baseVersion(), checksum)) {
                throw new ProblemException(Problem.of(
                                409,
                                "changed-since-review",
                                "Conflict",
                                "review " + review.id() + " is not an open review of the draft as it is (status "
                                        + review.status() + ", reviewed revision " + review.draftRevision()
                                        + ", draft revision " + draft.revision() + ")")
                        .with("review_id", review.id())
                        .with("reviewed_revision", review.draftRevision())
                        .with("draft_revision", draft.revision()));
            }
            return review.id();
        });
    }

    private Uni<ScheduleView> insert(
            SqlClient db,
            Caller caller,
            WriterKind writer,
            DraftRow draft,
            String checksum,
            ScheduleRequest request,
            UUID reviewId) {
        return schedules.findPending(db, draft.connectorId()).flatMap(pending -> {
            if (pending.isPresent()) {
                throw new ProblemException(Problem.of(
                                409,
                                "schedule-exists",
                                "Conflict",
                                "a publish of this connector is already scheduled for "
                                        + pending.get().publishAt() + "; cancel it first")
                        .with("scheduled_publish_id", pending.get().id())
                        .with("publish_at", pending.get().publishAt()));
            }
            String role = caller.roleIn(draft.organizationId()).orElseThrow().wire();
            return schedules
                    .insert(
                            db,
                            new ScheduleRepository.NewSchedule(
                                    draft.connectorId(),
                                    reviewId,
                                    draft.revision(),
                                    request.baseVersion(),
                                    checksum,
                                    request.publishAt(),
                                    request.message(),
                                    caller.subject(),
                                    writer.wire(),
                                    role))
                    .call(row -> journal.record(
                            db,
                            draft.connectorId(),
                            draft.revision(),
                            AuditActions.PUBLISH_SCHEDULED,
                            writer.wire(),
                            caller.subject(),
                            List.of(),
                            V3Document.write(detail(row))))
                    .map(ScheduleView::of);
        });
    }

    private void validate(ScheduleRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new Problem.FieldError("", "a body {publish_at, base_version} is required", "required"));
        } else {
            OffsetDateTime now = OffsetDateTime.now();
            if (request.publishAt() == null) {
                errors.add(new Problem.FieldError("/publish_at", "required (RFC 3339 date-time)", "required"));
            } else if (!request.publishAt().isAfter(now)) {
                errors.add(new Problem.FieldError("/publish_at", "must be in the future", "range"));
            } else if (request.publishAt().isAfter(now.plus(config.maxAhead()))) {
                errors.add(new Problem.FieldError(
                        "/publish_at", "at most " + config.maxAhead().toDays() + " days ahead", "range"));
            }
            if (request.baseVersion() == null || request.baseVersion() < 0) {
                errors.add(new Problem.FieldError(
                        "/base_version",
                        "the active version the draft is based on (0 before the first publish)",
                        "required"));
            }
            if (request.message() != null && request.message().length() > MAX_MESSAGE) {
                errors.add(new Problem.FieldError("/message", "at most " + MAX_MESSAGE + " characters", "length"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the scheduled publish is not valid", errors);
        }
    }

    static ObjectNode detail(ScheduleRow row) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("scheduled_publish_id", row.id().toString());
        detail.put("publish_at", row.publishAt().toString());
        detail.put("base_version", row.baseVersion());
        detail.put("draft_revision", row.draftRevision());
        if (row.reviewId() != null) {
            detail.put("review_id", row.reviewId().toString());
        }
        if (row.message() != null) {
            detail.put("message", row.message());
        }
        return detail;
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("scheduled publish " + id);
    }
}
