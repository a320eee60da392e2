package io.plugsync.ingest.sync;

import io.plugsync.common.source.SourceKinds;
import io.plugsync.common.source.SourceTargets;
import io.plugsync.common.source.SyncEvents;
import io.plugsync.common.source.SyncTarget;
import io.plugsync.common.source.TargetRef;
import io.plugsync.ingest.github.GithubApi;
import io.plugsync.ingest.metrics.IngestMetrics;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Repairs missed webhooks: compares each syncable target's branch head with the revision it last
 * synced and queues a sync where they differ. Also re-queues syncs whose worker died (expired lease).
 */
@ApplicationScoped
public class ReconcileJob {
    private static final Logger LOG = Logger.getLogger(ReconcileJob.class);

    private final Pool pool;
    private final GithubApi github;
    private final IngestConfig config;
    private final IngestMetrics metrics;

    public ReconcileJob(Pool pool, GithubApi github, IngestConfig config, IngestMetrics metrics) {
        this.pool = pool;
        this.github = github;
        this.config = config;
        this.metrics = metrics;
    }

    /** How one pass went. */
    public record Result(int checked, int queued, int failed, int released) {}

    @Scheduled(
            every = "${plugsync.ingest.reconcile.every:5m}",
            delayed = "${plugsync.ingest.reconcile.initial-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!config.reconcile().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return run().invoke(r -> LOG.debugf("head check: %s", r)).replaceWithVoid();
    }

    public Uni<Result> run() {
        return pool.withTransaction(db -> SyncEvents.releaseExpired(db))
                .flatMap(released -> SourceTargets.syncable(pool)
                        .flatMap(all -> Multi.createFrom()
                                .iterable(all)
                                .onItem()
                                .transformToUni(target -> check(target))
                                .merge(4)
                                .collect()
                                .asList()
                                .map(outcomes -> new Result(
                                        all.size(),
                                        (int) outcomes.stream()
                                                .filter("queued"::equals)
                                                .count(),
                                        (int) outcomes.stream()
                                                .filter("failed"::equals)
                                                .count(),
                                        released))))
                .call(() -> SyncEvents.countHeld(pool).invoke(metrics::heldSyncs));
    }

    private Uni<String> check(SyncTarget target) {
        return github.branchHead(target.installationId(), target.owner(), target.name(), target.branch())
                .flatMap(head -> {
                    if (head.commitSha().equals(target.lastSyncedRevision())) {
                        return Uni.createFrom().item("current");
                    }
                    return pool.withTransaction(db -> SyncEvents.queue(
                                    db,
                                    new TargetRef(target.targetId(), target.instanceId(), target.repository()),
                                    SourceKinds.SyncEventType.RECONCILE,
                                    null,
                                    head.commitSha(),
                                    SyncEvents.summary(
                                            "reason",
                                            "head differs from last synced",
                                            "last_synced_revision",
                                            target.lastSyncedRevision())))
                            .map(id -> id.map(x -> "queued").orElse("already_queued"));
                })
                .onFailure()
                .recoverWithItem(error -> {
                    LOG.warnf("head check of target %s failed: %s", target.targetId(), error.getMessage());
                    return "failed";
                });
    }
}
