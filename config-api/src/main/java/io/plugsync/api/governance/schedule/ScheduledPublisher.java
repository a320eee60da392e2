package io.plugsync.api.governance.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.api.draft.DraftRepository;
import io.plugsync.api.draft.DraftRow;
import io.plugsync.api.draft.DraftService;
import io.plugsync.api.draft.JournalRepository;
import io.plugsync.api.governance.audit.AuditActions;
import io.plugsync.api.governance.gate.PublishAttempt;
import io.plugsync.api.governance.gate.PublishGate;
import io.plugsync.api.governance.notify.NotificationRepository;
import io.plugsync.api.governance.notify.NotificationView;
import io.plugsync.api.publish.PublishResult;
import io.plugsync.api.publish.PublishService;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.v3.V3Document;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Fires due scheduled publishes, safely with any number of config-api replicas: each one is claimed
 * with {@code FOR UPDATE SKIP LOCKED} and stays locked until its outcome commits. At fire time
 * everything is checked again: the scheduler is still a member who may write, the draft is still
 * the pinned snapshot, the gate (as the scheduler's writer kind: publishers, agents, freeze,
 * approvals on the review of this snapshot), and the base version (the publish function). The
 * publish itself goes through {@link PublishService} (and so the gate once more) with writer kind
 * {@code system}. A refusal publishes nothing (rolled back to a savepoint) and fails the schedule
 * visibly: {@code failed} with the problem, a {@code scheduled_publish_failed} journal entry and a
 * connector notification, all in the same transaction as the claim.
 */
@ApplicationScoped
public class ScheduledPublisher {
    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class);
    private static final String SAVEPOINT = "scheduled_publish";

    private final Pool pool;
    private final ScheduleRepository schedules;
    private final DraftService drafts;
    private final DraftRepository draftRows;
    private final PublishGate gate;
    private final PublishService publishes;
    private final JournalRepository journal;
    private final NotificationRepository notifications;
    private final ScheduleConfig config;
    private final ScheduleMetrics metrics;
    private final ObjectMapper json;
    private volatile boolean stopping;

    public ScheduledPublisher(
            Pool pool,
            ScheduleRepository schedules,
            DraftService drafts,
            DraftRepository draftRows,
            PublishGate gate,
            PublishService publishes,
            JournalRepository journal,
            NotificationRepository notifications,
            ScheduleConfig config,
            ScheduleMetrics metrics,
            ObjectMapper json) {
        this.pool = pool;
        this.schedules = schedules;
        this.drafts = drafts;
        this.draftRows = draftRows;
        this.gate = gate;
        this.publishes = publishes;
        this.journal = journal;
        this.notifications = notifications;
        this.config = config;
        this.metrics = metrics;
        this.json = json;
    }

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(
            every = "${plugsync.governance.schedule.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (!config.enabled() || stopping) {
            return Uni.createFrom().voidItem();
        }
        return fireDue()
                .flatMap(fired -> pool.withConnection(schedules::backlog))
                .invoke(metrics::backlog)
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(e -> {
                    if (!stopping) {
                        // the claim rolled back: the schedule stays pending and is retried at the next poll
                        LOG.errorf(e, "scheduled publishes: poll failed");
                        metrics.errored();
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    /** Fires due scheduled publishes one transaction each, up to the batch size; returns how many. */
    public Uni<Integer> fireDue() {
        return fireDue(0);
    }

    private Uni<Integer> fireDue(int done) {
        if (done >= config.batchSize()) {
            return Uni.createFrom().item(done);
        }
        return fireOne()
                .flatMap(fired -> fired ? fireDue(done + 1) : Uni.createFrom().item(done));
    }

    /** Claims and fires one due scheduled publish; false when none is due (or all are claimed). */
    public Uni<Boolean> fireOne() {
        return pool.withTransaction(db -> schedules.claimDue(db).flatMap(claimed -> {
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            ScheduleRow schedule = claimed.get();
            return db.query("SAVEPOINT " + SAVEPOINT)
                    .execute()
                    .flatMap(ignored -> publish(db, schedule))
                    .flatMap(result -> schedules.markPublished(db, schedule.id(), result.version()))
                    .invoke(row -> fired(row, ScheduleRow.PUBLISHED))
                    .onFailure(ProblemException.class)
                    .recoverWithUni(e -> db.query("ROLLBACK TO SAVEPOINT " + SAVEPOINT)
                            .execute()
                            .flatMap(ignored -> fail(db, schedule, ((ProblemException) e).problem())))
                    .replaceWith(true);
        }));
    }

    private Uni<PublishResult> publish(SqlClient db, ScheduleRow schedule) {
        return scheduler(db, schedule)
                .flatMap(caller -> drafts.lockForWrite(db, caller, schedule.connectorId())
                        .flatMap(draft -> drafts.active(db, schedule.connectorId())
                                .flatMap(active -> {
                                    requireBase(schedule, active.version());
                                    requirePinnedSnapshot(schedule, draft);
                                    return gate.check(db, asScheduled(schedule, caller, draft));
                                })
                                .flatMap(clearance -> publishes.publishLocked(
                                        db,
                                        caller,
                                        WriterKind.SYSTEM,
                                        draft,
                                        schedule.baseVersion(),
                                        schedule.message(),
                                        Map.of()))));
    }

    /** The attempt as the person who scheduled it, from the writer they scheduled with, now. */
    private static PublishAttempt asScheduled(ScheduleRow schedule, Caller caller, DraftRow draft) {
        return new PublishAttempt(
                schedule.connectorId(),
                schedule.organizationId(),
                caller,
                WriterKind.valueOf(schedule.scheduledByKind().toUpperCase(Locale.ROOT)),
                draft.revision(),
                draft.baseVersion(),
                schedule.baseVersion(),
                schedule.checksum(),
                Instant.now());
    }

    /** Someone published after the schedule was made: never publish over them. */
    private static void requireBase(ScheduleRow schedule, int activeVersion) {
        if (activeVersion != schedule.baseVersion()) {
            throw new ProblemException(Problem.of(
                            409,
                            "stale-base-version",
                            "Conflict",
                            "version " + activeVersion + " was published after this publish was scheduled on version "
                                    + schedule.baseVersion() + "; review the draft against it and schedule again")
                    .with("active_version", activeVersion)
                    .with("base_version", schedule.baseVersion()));
        }
    }

    /**
     * The scheduler as a caller: their current role from {@code org_membership} when they have a
     * row (a removed member fails the schedule), else the role they scheduled with.
     */
    private Uni<Caller> scheduler(SqlClient db, ScheduleRow schedule) {
        return db.preparedQuery(
                        "SELECT role, removed_at FROM org_membership WHERE organization_id = $1 AND subject = $2")
                .execute(Tuple.of(schedule.organizationId(), schedule.scheduledBy()))
                .map(rows -> {
                    String role = schedule.scheduledByRole();
                    if (rows.size() > 0) {
                        var row = rows.iterator().next();
                        if (row.getOffsetDateTime("removed_at") != null) {
                            throw new ProblemException(Problem.of(
                                            403,
                                            "scheduler-not-a-member",
                                            "Forbidden",
                                            schedule.scheduledBy() + " who scheduled this publish is no longer a"
                                                    + " member of the organisation")
                                    .with("scheduled_by", schedule.scheduledBy()));
                        }
                        role = row.getString("role");
                    }
                    OrgRole parsed = OrgRole.parse(role).orElse(OrgRole.VIEWER);
                    return new Caller(schedule.scheduledBy(), Map.of(schedule.organizationId(), parsed));
                });
    }

    private static void requirePinnedSnapshot(ScheduleRow schedule, DraftRow draft) {
        if (draft.revision() != schedule.draftRevision()
                || !CanonicalJson.sha256(draft.document()).equals(schedule.checksum())) {
            throw new ProblemException(Problem.of(
                            409,
                            "changed-since-schedule",
                            "Conflict",
                            "the draft changed after the publish was scheduled (scheduled revision "
                                    + schedule.draftRevision() + ", draft revision " + draft.revision()
                                    + "); schedule the draft as it is again")
                    .with("scheduled_revision", schedule.draftRevision())
                    .with("draft_revision", draft.revision()));
        }
    }

    /** Records the failure: schedule failed, journal entry, notification; nothing was published. */
    private Uni<ScheduleRow> fail(SqlClient db, ScheduleRow schedule, Problem problem) {
        String reason = problem.type().substring(problem.type().lastIndexOf('/') + 1);
        ObjectNode detail = ScheduleService.detail(schedule);
        detail.put("reason", reason);
        detail.set("problem", json.valueToTree(problem));
        String message = "The publish scheduled by " + schedule.scheduledBy() + " for " + schedule.publishAt()
                + " did not run (" + reason + "): " + problem.detail() + ". Nothing was published.";
        return schedules
                .markFailed(db, schedule.id(), V3Document.write(json.valueToTree(problem)))
                .call(row -> draftRows
                        .find(db, schedule.connectorId())
                        .flatMap(draft -> journal.record(
                                db,
                                schedule.connectorId(),
                                draft.map(DraftRow::revision).orElse(schedule.draftRevision()),
                                AuditActions.SCHEDULED_PUBLISH_FAILED,
                                WriterKind.SYSTEM.wire(),
                                schedule.scheduledBy(),
                                List.of(),
                                V3Document.write(detail))))
                .call(row -> notifications.insert(
                        db,
                        schedule.connectorId(),
                        NotificationView.SCHEDULED_PUBLISH_FAILED,
                        message,
                        V3Document.write(detail)))
                .invoke(row -> {
                    LOG.warnf(
                            "scheduled publish %s of connector %s failed: %s",
                            schedule.id(), schedule.connectorId(), problem.detail());
                    fired(row, ScheduleRow.FAILED);
                });
    }

    private void fired(ScheduleRow row, String outcome) {
        OffsetDateTime firedAt = Optional.ofNullable(row.firedAt()).orElseGet(OffsetDateTime::now);
        metrics.fired(outcome, Duration.between(row.publishAt(), firedAt));
    }
}
