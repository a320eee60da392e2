package io.plugsync.ingest.sync;

import io.plugsync.common.source.SyncEvents;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The leases of the syncs this replica is running. A claim leases a sync for {@code lease}; while
 * this replica works on it, it renews the lease every {@code lease-renewal}, so a sync runs out of
 * lease only when the replica holding it died (or lost PostgreSQL for longer than the lease). The
 * same job re-queues such syncs, so a target is blocked by a dead replica for about one lease, not
 * until the next head check.
 */
@ApplicationScoped
public class SyncLeases {
    private static final Logger LOG = Logger.getLogger(SyncLeases.class);

    private final Pool pool;
    private final IngestConfig config;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final Set<UUID> givenBack = ConcurrentHashMap.newKeySet();

    public SyncLeases(Pool pool, IngestConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** Syncs this replica claimed and is about to run. */
    void hold(Collection<UUID> syncs) {
        held.addAll(syncs);
    }

    /** A sync this replica is done with: its outcome is recorded. */
    void release(UUID sync) {
        held.remove(sync);
    }

    /**
     * A sync this replica will not finish (its outcome could not be recorded, or its batch ended
     * before it): re-queued by the next renewal that reaches PostgreSQL, while its lease still
     * shows nobody else can have taken it.
     */
    void giveBack(UUID sync) {
        if (held.remove(sync)) {
            givenBack.add(sync);
        }
    }

    @Scheduled(
            every = "${plugsync.ingest.worker.lease-renewal:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!config.worker().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return renewAndReleaseExpired()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("sync lease renewal failed: %s", failure.toString());
                    return 0;
                })
                .replaceWithVoid();
    }

    /**
     * Renews the leases held here, re-queues the syncs this replica gave back, then re-queues running
     * syncs whose lease ran out; returns how many expired ones were re-queued.
     */
    public Uni<Integer> renewAndReleaseExpired() {
        List<UUID> mine = List.copyOf(held);
        Uni<Integer> renewed = mine.isEmpty()
                ? Uni.createFrom().item(0)
                : pool.withTransaction(
                        db -> SyncEvents.renewLeases(db, mine, config.worker().lease()));
        List<UUID> back = List.copyOf(givenBack);
        Uni<Integer> requeued = back.isEmpty()
                ? Uni.createFrom().item(0)
                : pool.withTransaction(db -> SyncEvents.requeueLeased(db, back)).invoke(count -> {
                    back.forEach(givenBack::remove);
                    if (count > 0) {
                        LOG.infof("re-queued %d sync(s) this replica gave back", count);
                    }
                });
        return renewed.flatMap(ignored -> requeued)
                .flatMap(ignored -> pool.withTransaction(SyncEvents::releaseExpired))
                .invoke(released -> {
                    if (released > 0) {
                        LOG.warnf("re-queued %d sync(s) whose worker stopped renewing its lease", released);
                    }
                });
    }
}
