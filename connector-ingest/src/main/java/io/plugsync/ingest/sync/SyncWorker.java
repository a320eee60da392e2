package io.plugsync.ingest.sync;

import io.plugsync.common.source.ClaimedSync;
import io.plugsync.common.source.SourceInstances;
import io.plugsync.common.source.SourceStatus.Sync;
import io.plugsync.common.source.SourceTargets;
import io.plugsync.common.source.SyncEvents;
import io.plugsync.common.source.SyncTarget;
import io.plugsync.ingest.github.BranchHead;
import io.plugsync.ingest.github.GithubApi;
import io.plugsync.ingest.github.GithubApiException;
import io.plugsync.ingest.metrics.IngestMetrics;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Claims queued sync events and reconciles each target against its branch head, read by
 * {@link HeadReader} (one archive, or compare plus the changed blobs). GitHub calls happen outside the database transaction; the apply step runs in one
 * transaction holding the target's row lock and re-checks that the bindings it planned against are
 * still current.
 */
@ApplicationScoped
public class SyncWorker {
    private static final Logger LOG = Logger.getLogger(SyncWorker.class);

    private final Pool pool;
    private final BindingRepository bindings;
    private final SyncApplier applier;
    private final GithubApi github;
    private final IngestConfig config;
    private final IngestMetrics metrics;
    private final MassDeletionGuard guard;
    private final TargetTreeRepository trees;
    private final HeadReader heads;
    private final SyncLeases leases;

    public SyncWorker(
            Pool pool,
            BindingRepository bindings,
            TargetTreeRepository trees,
            HeadReader heads,
            SyncApplier applier,
            GithubApi github,
            IngestConfig config,
            IngestMetrics metrics,
            SyncLeases leases) {
        this.pool = pool;
        this.leases = leases;
        this.bindings = bindings;
        this.trees = trees;
        this.heads = heads;
        this.applier = applier;
        this.github = github;
        this.config = config;
        this.metrics = metrics;
        this.guard = new MassDeletionGuard(
                config.massDeletion().maxShare(), config.massDeletion().minObjects());
    }

    @Scheduled(
            every = "${plugsync.ingest.worker.poll-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (!config.worker().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return drain().replaceWithVoid();
    }

    /** Processes batches until nothing is due; returns how many syncs ran. */
    public Uni<Integer> drain() {
        return runOnce().flatMap(count -> count == 0 ? Uni.createFrom().item(0) : drain().map(more -> more + count));
    }

    /**
     * Claims one batch and processes it; returns its size. The batch's leases are held (renewed)
     * while it runs. A sync whose outcome is recorded is let go; one whose outcome could not be
     * recorded (PostgreSQL went away), and any the batch did not get to, are given back to the queue
     * as soon as PostgreSQL answers again instead of waiting out their lease.
     */
    public Uni<Integer> runOnce() {
        return pool.withTransaction(db -> SyncEvents.claim(
                        db, config.worker().batchSize(), config.worker().lease()))
                .flatMap(claimed -> {
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<UUID> ids = claimed.stream().map(ClaimedSync::id).toList();
                    leases.hold(ids);
                    return Multi.createFrom()
                            .iterable(claimed)
                            .onItem()
                            .transformToUniAndConcatenate(sync -> process(sync)
                                    .invoke(() -> leases.release(sync.id()))
                                    .onFailure()
                                    .invoke(() -> leases.giveBack(sync.id())))
                            .collect()
                            .asList()
                            .map(List::size)
                            .onTermination()
                            .invoke(() -> ids.forEach(leases::giveBack));
                });
    }

    Uni<String> process(ClaimedSync sync) {
        long started = System.nanoTime();
        return SourceTargets.syncTarget(pool, sync.targetId())
                .flatMap(found -> {
                    if (found.isEmpty() || !found.get().syncable()) {
                        return finish(sync, Sync.CANCELLED, new JsonObject().put("reason", "target may not sync"));
                    }
                    return reconcile(sync, found.get());
                })
                .onFailure()
                .recoverWithUni(error -> failed(sync, error))
                .invoke(status -> metrics.syncFinished(status, Duration.ofNanos(System.nanoTime() - started)));
    }

    private Uni<String> reconcile(ClaimedSync sync, SyncTarget target) {
        String inst = target.installationId();
        return bindings.mappings(pool, target.targetId())
                .flatMap(rules -> github.branchHead(inst, target.owner(), target.name(), target.branch())
                        .flatMap(head -> bindings.active(pool, target.targetId())
                                .flatMap(live -> heads.read(sync, target, head, rules, live)
                                        .flatMap(files -> {
                                            List<DesiredFile> desired = ReconcilePlanner.desired(files.tree(), rules);
                                            ReconcilePlan plan = ReconcilePlanner.plan(desired, live, rules);
                                            Integer confirmed = sync.summary().getInteger("confirmed_deletions");
                                            boolean allowed = sync.deletionsConfirmed()
                                                    && (confirmed == null
                                                            || plan.deletes().size() <= confirmed);
                                            if (!allowed
                                                    && guard.holds(
                                                            plan.deletes().size(), live.size())) {
                                                return hold(sync, head, plan, live.size());
                                            }
                                            return fetch(inst, target, plan, files.contents())
                                                    .flatMap(contents -> applyLocked(
                                                            sync,
                                                            target,
                                                            head,
                                                            files,
                                                            plan,
                                                            rules,
                                                            live,
                                                            contents,
                                                            desired.size()));
                                        }))));
    }

    /** The contents the plan writes: those in hand, the rest fetched blob by blob, {@code blob-concurrency} at once. */
    private Uni<Map<String, byte[]>> fetch(
            String inst, SyncTarget target, ReconcilePlan plan, Map<String, byte[]> inHand) {
        Set<String> shas = new LinkedHashSet<>();
        plan.creates().forEach(f -> shas.add(f.blobSha()));
        plan.updates().forEach(u -> shas.add(u.file().blobSha()));
        shas.removeAll(inHand.keySet());
        if (shas.isEmpty()) {
            return Uni.createFrom().item(inHand);
        }
        Map<String, byte[]> out = new ConcurrentHashMap<>(inHand);
        return Multi.createFrom()
                .iterable(shas)
                .onItem()
                .transformToUni(sha ->
                        github.blob(inst, target.owner(), target.name(), sha).invoke(bytes -> out.put(sha, bytes)))
                .merge(config.worker().blobConcurrency())
                .collect()
                .last()
                .replaceWith(out);
    }

    private Uni<String> applyLocked(
            ClaimedSync sync,
            SyncTarget planned,
            BranchHead head,
            HeadFiles files,
            ReconcilePlan plan,
            MappingRules rules,
            List<Binding> plannedAgainst,
            Map<String, byte[]> contents,
            int selected) {
        long started = System.nanoTime();
        return pool.withTransaction(db -> SourceTargets.lockSyncTarget(db, planned.targetId())
                        .flatMap(locked -> bindings.active(db, planned.targetId())
                                .flatMap(current -> {
                                    if (locked.isEmpty() || !locked.get().syncable()) {
                                        return SyncEvents.finish(
                                                        db,
                                                        sync.id(),
                                                        Sync.CANCELLED,
                                                        new JsonObject().put("reason", "target stopped syncing"))
                                                .replaceWith(Sync.CANCELLED.wire());
                                    }
                                    if (!current.equals(plannedAgainst)) {
                                        // another sync of this target applied meanwhile: plan again later
                                        return SyncEvents.retryLater(
                                                        db,
                                                        sync.id(),
                                                        Duration.ofSeconds(1),
                                                        new JsonObject().put("replanned", true))
                                                .replaceWith(Sync.QUEUED.wire());
                                    }
                                    return applier.apply(
                                                    db,
                                                    locked.get(),
                                                    sync.id(),
                                                    head.commitSha(),
                                                    plan,
                                                    rules,
                                                    contents)
                                            .flatMap(applied -> {
                                                Sync status = applied.errors() > 0
                                                        ? Sync.COMPLETED_WITH_ERRORS
                                                        : Sync.COMPLETED;
                                                JsonObject summary = applied.summary()
                                                        .put("synced_revision", head.commitSha())
                                                        .put("tree_sha", head.treeSha())
                                                        .put("files_selected", selected)
                                                        .put(
                                                                "tree_files",
                                                                files.paths().size())
                                                        .put("head_read_via", files.via())
                                                        .put("head_read_calls", files.requests())
                                                        .put(
                                                                "blobs_fetched",
                                                                contents.size()
                                                                        - files.contents()
                                                                                .size())
                                                        .put("apply_ms", (System.nanoTime() - started) / 1_000_000);
                                                return trees.capture(
                                                                db,
                                                                planned.targetId(),
                                                                head.commitSha(),
                                                                files.paths(),
                                                                files.truncated())
                                                        .flatMap(ignored ->
                                                                markSynced(db, locked.get(), head.commitSha(), status))
                                                        .flatMap(ignored ->
                                                                SyncEvents.finish(db, sync.id(), status, summary))
                                                        .replaceWith(status.wire());
                                            });
                                })))
                .invoke(status -> {
                    if (status.equals(Sync.COMPLETED.wire()) || status.equals(Sync.COMPLETED_WITH_ERRORS.wire())) {
                        metrics.syncFiles(
                                selected,
                                plan.fetches()
                                        + plan.deletes().size()
                                        + plan.moves().size());
                    }
                });
    }

    private Uni<String> hold(ClaimedSync sync, BranchHead head, ReconcilePlan plan, int live) {
        JsonArray paths = new JsonArray();
        plan.deletes().stream().limit(100).forEach(b -> paths.add(b.path()));
        JsonObject summary = new JsonObject()
                .put("held_reason", "mass_deletion")
                .put("planned_deletions", plan.deletes().size())
                .put("confirmed_deletions", plan.deletes().size())
                .put("deletions_confirmed", false)
                .put("live_objects", live)
                .put("head_revision", head.commitSha())
                .put("deleted_paths", paths);
        LOG.warnf(
                "sync %s held: would delete %d of %d objects",
                sync.id(), plan.deletes().size(), live);
        return finish(sync, Sync.NEEDS_CONFIRMATION, summary)
                .call(() -> SyncEvents.countHeld(pool).invoke(metrics::heldSyncs));
    }

    private Uni<String> failed(ClaimedSync sync, Throwable error) {
        boolean retry = sync.attempts() < config.worker().maxAttempts()
                && (!(error instanceof GithubApiException api)
                        || api.retryAfter().isPresent()
                        || api.status() >= 500);
        Duration wait =
                error instanceof GithubApiException api && api.retryAfter().isPresent()
                        ? api.retryAfter().get()
                        : Duration.ofSeconds(Math.min(900, 5L << Math.min(8, sync.attempts())));
        JsonObject summary = new JsonObject().put("last_error", String.valueOf(error.getMessage()));
        LOG.warnf("sync %s attempt %d failed: %s", sync.id(), sync.attempts(), error.getMessage());
        if (retry) {
            return pool.withTransaction(db -> SyncEvents.retryLater(db, sync.id(), wait, summary))
                    .replaceWith(Sync.QUEUED.wire());
        }
        return finish(sync, Sync.FAILED, summary);
    }

    private Uni<String> finish(ClaimedSync sync, Sync status, JsonObject summary) {
        return pool.withTransaction(db -> SyncEvents.finish(db, sync.id(), status, summary))
                .replaceWith(status.wire());
    }

    /** The target is at {@code revision}; its instance's last sync ended with {@code status}. */
    private static Uni<Void> markSynced(SqlClient db, SyncTarget target, String revision, Sync status) {
        return SourceTargets.markSynced(db, target.targetId(), revision)
                .flatMap(ignored -> SourceInstances.markSynced(db, target.instanceId(), status, revision));
    }
}
