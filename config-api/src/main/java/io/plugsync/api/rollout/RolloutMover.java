package io.plugsync.api.rollout;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.outbox.ConnectorRolloutMoved;
import io.plugsync.common.outbox.OutboxWriter;
import io.plugsync.common.replica.PointerRevision;
import io.plugsync.common.replica.WorkerBuckets;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Every change of a rollout, applied to a row locked in the caller's transaction. A change that
 * moves the replica pointer (start, step, completion, rollback, abort) writes, in that same
 * transaction, the row, one {@code connector_rollout_move} row and one {@code
 * connector.rollout.moved} outbox event numbered by the row's move counter, so a move is decided
 * once and delivered once in effect; every change is journalled on the connector's draft.
 */
@ApplicationScoped
public class RolloutMover {
    private final RolloutRepository rollouts;
    private final RolloutMetrics metrics;

    public RolloutMover(RolloutRepository rollouts, RolloutMetrics metrics) {
        this.rollouts = rollouts;
        this.metrics = metrics;
    }

    /** The first move of a rollout just inserted: step 0. */
    public Uni<RolloutRow> start(SqlClient db, RolloutRow r, Actor actor, OffsetDateTime now) {
        return move(db, r, ConnectorRolloutMoved.IN_PROGRESS, null, actor, "rollout_started", now);
    }

    /** The next step, or the completion after the last one (the bake time is over). */
    public Uni<RolloutRow> advance(SqlClient db, RolloutRow r, Actor actor, OffsetDateTime now) {
        if (r.atLastStep()) {
            return complete(db, r, actor, null, "rollout_completed", now);
        }
        int next = r.stepIndex() + 1;
        RolloutRow stepped = r.progress(
                RolloutState.IN_PROGRESS, next, now, now.plus(r.plan().duration(next)), null, null);
        return move(db, stepped, ConnectorRolloutMoved.IN_PROGRESS, null, actor, "rollout_step", now);
    }

    /** Every worker runs the candidate now; the rollout ends {@code completed}. */
    public Uni<RolloutRow> complete(
            SqlClient db, RolloutRow r, Actor actor, String reason, String action, OffsetDateTime now) {
        return move(
                db,
                r.finish(RolloutState.COMPLETED, reason, now),
                ConnectorRolloutMoved.COMPLETED,
                reason,
                actor,
                action,
                now);
    }

    /** Thresholds breached: every worker back to the stable version; ends {@code rolled_back}. */
    public Uni<RolloutRow> rollBack(SqlClient db, RolloutRow r, Actor actor, String reason, OffsetDateTime now) {
        return move(
                db,
                r.finish(RolloutState.ROLLED_BACK, reason, now),
                ConnectorRolloutMoved.ROLLED_BACK,
                reason,
                actor,
                "rollout_rolled_back",
                now);
    }

    /** A person stops the rollout: every worker back to the stable version; ends {@code aborted}. */
    public Uni<RolloutRow> abort(SqlClient db, RolloutRow r, Actor actor, String reason, OffsetDateTime now) {
        return move(
                db,
                r.finish(RolloutState.ABORTED, reason, now),
                ConnectorRolloutMoved.ABORTED,
                reason,
                actor,
                "rollout_aborted",
                now);
    }

    /** Holds the rollout where it is (no pointer move); the time left in the step is kept. */
    public Uni<RolloutRow> pause(SqlClient db, RolloutRow r, Actor actor, String reason, OffsetDateTime now) {
        long remaining = r.dueAt() == null
                ? 0
                : Math.max(0, Duration.between(now, r.dueAt()).toMillis());
        RolloutRow paused = r.progress(RolloutState.PAUSED, r.stepIndex(), r.stepStartedAt(), null, remaining, reason);
        return rollouts.update(db, paused)
                .call(saved -> journal(db, saved, "rollout_paused", reason, actor))
                .invoke(saved -> metrics.transition("paused", actor));
    }

    /** Continues a paused rollout with the time its step had left. */
    public Uni<RolloutRow> resume(SqlClient db, RolloutRow r, Actor actor, OffsetDateTime now) {
        long remaining = r.pausedRemainingMs() == null ? 0 : r.pausedRemainingMs();
        RolloutRow running = r.progress(
                RolloutState.IN_PROGRESS,
                r.stepIndex(),
                r.stepStartedAt(),
                now.plus(Duration.ofMillis(remaining)),
                null,
                null);
        return rollouts.update(db, running)
                .call(saved -> journal(db, saved, "rollout_resumed", null, actor))
                .invoke(saved -> metrics.transition("resumed", actor));
    }

    /**
     * A newer publish replaces the rollout: it ends {@code superseded} without a move of its own (the
     * new publish moves the pointer past every move of this one).
     */
    public Uni<RolloutRow> supersede(SqlClient db, RolloutRow r, Actor actor, int byVersion, OffsetDateTime now) {
        String reason = "superseded by version " + byVersion;
        return rollouts.update(db, r.finish(RolloutState.SUPERSEDED, reason, now))
                .call(saved -> journal(db, saved, "rollout_superseded", reason, actor))
                .invoke(saved -> metrics.transition("superseded", actor));
    }

    /**
     * Stores {@code next} with one more move, the move's history row, its outbox event and the
     * journal entry.
     */
    private Uni<RolloutRow> move(
            SqlClient db,
            RolloutRow next,
            String movedState,
            String reason,
            Actor actor,
            String action,
            OffsetDateTime now) {
        RolloutRow counted = next.moved();
        // while in progress the pointer carries the step's share; at an end, one version for everyone
        RolloutSpec.Step share = movedState.equals(ConnectorRolloutMoved.IN_PROGRESS)
                ? counted.step()
                : new RolloutSpec.Step(
                        movedState.equals(ConnectorRolloutMoved.COMPLETED) ? WorkerBuckets.ALL : 0, List.of());
        return rollouts.checksums(db, counted.connectorId(), counted.stableVersion(), counted.candidateVersion())
                .chain(checksums -> rollouts.update(db, counted)
                        .call(saved -> rollouts.insertMove(
                                db,
                                saved.id(),
                                saved.moves(),
                                saved.stepIndex(),
                                movedState,
                                share,
                                reason,
                                actor.subject(),
                                now))
                        .call(saved -> OutboxWriter.append(
                                db,
                                new ConnectorRolloutMoved(
                                        saved.connectorId(),
                                        saved.organizationId(),
                                        saved.id(),
                                        saved.moves(),
                                        movedState,
                                        saved.stepIndex(),
                                        saved.stableVersion(),
                                        checksums.get(saved.stableVersion()),
                                        saved.candidateVersion(),
                                        checksums.get(saved.candidateVersion()),
                                        share.basisPoints(),
                                        share.groups(),
                                        reason,
                                        now),
                                Map.of()))
                        .call(saved -> journal(db, saved, action, reason, actor)))
                .invoke(saved -> metrics.transition(
                        movedState.equals(ConnectorRolloutMoved.IN_PROGRESS)
                                ? (saved.moves() == 1 ? "started" : "stepped")
                                : movedState,
                        actor));
    }

    private Uni<Void> journal(SqlClient db, RolloutRow r, String action, String reason, Actor actor) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("rollout_id", r.id().toString());
        detail.put("strategy", r.strategy().wire());
        detail.put("state", r.state().wire());
        detail.put("stable_version", r.stableVersion());
        detail.put("candidate_version", r.candidateVersion());
        detail.put("step", r.stepIndex());
        detail.put("percent", RolloutSpecs.percentOf(r.step().basisPoints()));
        if (r.moves() > 0) {
            detail.put("pointer_revision", PointerRevision.rollout(r.candidateVersion(), r.moves()));
        }
        if (reason != null) {
            detail.put("reason", reason);
        }
        return rollouts.journal(db, r.connectorId(), action, actor.writerKind(), actor.subject(), detail);
    }
}
