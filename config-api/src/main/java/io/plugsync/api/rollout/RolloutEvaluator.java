package io.plugsync.api.rollout;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The step evaluator: every {@code evaluate-interval} it claims running rollouts ({@code FOR UPDATE
 * SKIP LOCKED}, so with several config-api replicas each rollout is judged by one of them at a time)
 * and, in one transaction per pass, rolls back (or pauses) a rollout whose candidate breaches its
 * thresholds, moves one whose step is over to the next step (or completes it after the bake time),
 * and leaves the others. Every move is written with its outbox event in that transaction, so a
 * crash before the commit decides nothing and one after it has decided exactly once.
 */
@ApplicationScoped
public class RolloutEvaluator {
    private static final Logger LOG = Logger.getLogger(RolloutEvaluator.class);

    /** What one evaluation did to one rollout. */
    public enum Outcome {
        WAITING,
        ADVANCED,
        COMPLETED,
        ROLLED_BACK,
        PAUSED
    }

    private final Pool pool;
    private final RolloutRepository rollouts;
    private final RolloutMover mover;
    private final RolloutConfig config;
    private final RolloutMetrics metrics;

    public RolloutEvaluator(
            Pool pool, RolloutRepository rollouts, RolloutMover mover, RolloutConfig config, RolloutMetrics metrics) {
        this.pool = pool;
        this.rollouts = rollouts;
        this.mover = mover;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(
            every = "${plugsync.rollout.evaluate-interval:5s}",
            delayed = "${plugsync.rollout.evaluate-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!config.evaluatorEnabled()) {
            return Uni.createFrom().voidItem();
        }
        return evaluateOnce()
                .onFailure()
                .invoke(e -> LOG.warnf("rollout evaluation failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass: claim, judge and move, commit. The outcome per rollout judged. */
    public Uni<List<Outcome>> evaluateOnce() {
        long started = System.nanoTime();
        return pool.withTransaction(db -> rollouts.claimRunning(db, config.evaluateBatchSize())
                        .chain(claimed -> claimed.isEmpty()
                                ? Uni.createFrom().item(List.<Outcome>of())
                                : rollouts.now(db)
                                        .chain(now -> Multi.createFrom()
                                                .iterable(claimed)
                                                .onItem()
                                                .transformToUniAndConcatenate(r -> evaluate(db, r, now))
                                                .collect()
                                                .asList())))
                .invoke(outcomes -> {
                    metrics.pass(Duration.ofNanos(System.nanoTime() - started));
                    outcomes.forEach(o -> metrics.evaluated(o.name().toLowerCase(java.util.Locale.ROOT)));
                });
    }

    private Uni<Outcome> evaluate(SqlClient db, RolloutRow r, OffsetDateTime now) {
        return rollouts.health(db, r).chain(health -> {
            Thresholds thresholds = r.plan().spec().thresholds();
            if (health.breaches(thresholds)) {
                String reason =
                        "automatic " + (thresholds.onBreach() == Thresholds.OnBreach.PAUSE ? "pause" : "rollback")
                                + " in step " + r.stepIndex() + ": " + health.breachReason(thresholds);
                LOG.warnf("rollout %s of connector %s: %s", r.id(), r.connectorId(), reason);
                return thresholds.onBreach() == Thresholds.OnBreach.PAUSE
                        ? mover.pause(db, r, Actor.EVALUATOR, reason, now).replaceWith(Outcome.PAUSED)
                        : mover.rollBack(db, r, Actor.EVALUATOR, reason, now).replaceWith(Outcome.ROLLED_BACK);
            }
            if (r.dueAt() != null && !now.isBefore(r.dueAt())) {
                Outcome outcome = r.atLastStep() ? Outcome.COMPLETED : Outcome.ADVANCED;
                return mover.advance(db, r, Actor.EVALUATOR, now).replaceWith(outcome);
            }
            return rollouts.touch(db, r.id()).replaceWith(Outcome.WAITING);
        });
    }
}
