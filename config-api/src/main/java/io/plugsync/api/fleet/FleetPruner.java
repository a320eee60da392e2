package io.plugsync.api.fleet;

import io.plugsync.api.rollout.RolloutConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Removes workers that stopped reporting ({@code plugsync.rollout.fleet.worker-retention}). */
@ApplicationScoped
public class FleetPruner {
    private static final Logger LOG = Logger.getLogger(FleetPruner.class);

    private final Pool pool;
    private final FleetRepository fleet;
    private final RolloutConfig config;

    public FleetPruner(Pool pool, FleetRepository fleet, RolloutConfig config) {
        this.pool = pool;
        this.fleet = fleet;
        this.config = config;
    }

    @Scheduled(
            every = "${plugsync.rollout.fleet.prune-interval:10m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return prune().onFailure()
                .invoke(e -> LOG.warnf("fleet prune failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes stale workers now; how many. */
    public Uni<Integer> prune() {
        return pool.withTransaction(db -> fleet.prune(db, config.fleet().workerRetention()));
    }
}
