package io.plugsync.ingest.sync;

import static io.plugsync.ingest.support.IngestFixtures.count;
import static io.plugsync.ingest.support.IngestFixtures.execute;
import static io.plugsync.ingest.support.IngestFixtures.rows;
import static io.plugsync.ingest.support.IngestFixtures.scalar;
import static io.plugsync.ingest.support.Skills.skill;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.common.source.ClaimedSync;
import io.plugsync.common.source.SyncEvents;
import io.plugsync.common.source.TargetRef;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.engines.PostgresEngine;
import io.plugsync.ingest.github.GithubApi;
import io.plugsync.ingest.metrics.IngestMetrics;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.IngestFixtures;
import io.plugsync.ingest.support.IngestFixtures.Connector;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several replicas claim from one queue. What {@link SyncEvents#claim} promises: each
 * queued sync is claimed by one replica only (SKIP LOCKED), and a target has at most one sync
 * {@code running} at a time, also across replicas (the claim locks the target row and re-checks
 * for a running sync after taking the lock).
 *
 * <p>The queue is shared with every other test class of this JVM: the syncs queued here are made
 * due a day ago so claims reach them first, and anything else a claim here takes is put back.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class MultiReplicaClaimTest {
    private static final int REPLICAS = 4;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    BindingRepository bindings;

    @Inject
    TargetTreeRepository trees;

    @Inject
    SyncApplier applier;

    @Inject
    GithubApi github;

    @Inject
    IngestConfig config;

    @Inject
    IngestMetrics metrics;

    private final List<Pool> replicaPools = new ArrayList<>();
    private final List<UUID> ours = new ArrayList<>();

    @AfterEach
    void closeReplicas() {
        replicaPools.forEach(p -> p.close().await().indefinitely());
    }

    @Test
    void oneClaimTakesAtMostOneSyncOfATarget() {
        Connector c = IngestFixtures.connector(new FakeRepo("acme", "batch-" + System.nanoTime(), "main"));
        List<UUID> queued = queueBacklog(c, 3, 0);

        List<ClaimedSync> claimed = pool.withTransaction(db -> SyncEvents.claim(db, 10, lease()))
                .await()
                .atMost(Duration.ofSeconds(30));
        putBackOthers(claimed);

        // the oldest of the target's three, and only that one
        assertThat(claimed)
                .filteredOn(s -> s.targetId().equals(c.targetId()))
                .extracting(ClaimedSync::id)
                .containsExactly(queued.get(0));
        assertThat(running(c)).isEqualTo(1);
        cancel(c);
    }

    @Test
    void aReplicaSkipsATargetWhileAnotherReplicasClaimOfItIsUncommitted() {
        Connector c = IngestFixtures.connector(new FakeRepo("acme", "race-" + System.nanoTime(), "main"));
        List<UUID> queued = queueBacklog(c, 2, 0);
        Pool secondReplica = replicaPool();

        SqlConnection first = pool.getConnection().await().atMost(Duration.ofSeconds(30));
        try {
            Transaction open = first.begin().await().atMost(Duration.ofSeconds(30));
            List<ClaimedSync> byFirst =
                    SyncEvents.claim(first, 1, lease()).await().atMost(Duration.ofSeconds(30));
            assertThat(byFirst).extracting(ClaimedSync::id).containsExactly(queued.get(0));

            // the first replica has not committed: the second must not start the same target
            List<ClaimedSync> bySecond = secondReplica
                    .withTransaction(db -> SyncEvents.claim(db, 1, lease()))
                    .await()
                    .atMost(Duration.ofSeconds(30));
            putBackOthers(bySecond);
            assertThat(bySecond).noneMatch(s -> s.targetId().equals(c.targetId()));

            open.commit().await().atMost(Duration.ofSeconds(30));
        } finally {
            first.close().await().atMost(Duration.ofSeconds(30));
        }

        // committed: the target's sync is running, its next one waits
        List<ClaimedSync> afterCommit = secondReplica
                .withTransaction(db -> SyncEvents.claim(db, 1, lease()))
                .await()
                .atMost(Duration.ofSeconds(30));
        putBackOthers(afterCommit);
        assertThat(afterCommit).noneMatch(s -> s.targetId().equals(c.targetId()));
        assertThat(running(c)).isEqualTo(1);
        cancel(c);
    }

    @Test
    void replicasRacingOverManyQueuedSyncsRunEachOnceAndOneAtATimePerTarget() {
        int targetCount = 10;
        int perTarget = 3;
        List<Connector> connectors = new ArrayList<>();
        for (int t = 0; t < targetCount; t++) {
            FakeRepo repo = new FakeRepo("acme", "replicas-" + t + "-" + System.nanoTime(), "main");
            Connector c = IngestFixtures.connector(repo);
            IngestFixtures.mapping(c, "skills/**", "skill", null);
            repo.put("skills/a/SKILL.md", skill("a", "first of " + t))
                    .put("skills/b/SKILL.md", skill("b", "second of " + t))
                    .commit();
            connectors.add(c);
            // one target's syncs next to each other in the queue: replicas meet on the same target
            queueBacklog(c, perTarget, t * perTarget);
        }

        List<Uni<Integer>> drains = new ArrayList<>();
        for (int r = 0; r < REPLICAS; r++) {
            drains.add(replicaWorker(replicaPool()).drain());
        }
        Uni.join().all(drains).andFailFast().await().atMost(Duration.ofMinutes(2));

        // every sync ran exactly once: one claim each (attempts), all completed
        assertThat(rows(
                        "SELECT status, attempts, count(*) FROM connector_sync_event WHERE id = ANY(?::uuid[])"
                                + " GROUP BY status, attempts",
                        oursArray()))
                .containsExactly(List.of("completed", 1, (long) targetCount * perTarget));
        // no two syncs of one target were running at the same time
        assertThat(overlappingRuns()).isZero();
        for (Connector c : connectors) {
            assertThat(scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId()))
                    .isEqualTo(c.repo().head());
            assertThat(count("SELECT count(*) FROM config_object WHERE connector_instance_id = ?", c.instanceId()))
                    .isEqualTo(2);
        }
    }

    /** Pairs of our syncs of one target whose running periods (claim .. finish) overlap. */
    private long overlappingRuns() {
        return count(
                "SELECT count(*) FROM connector_sync_event a JOIN connector_sync_event b"
                        + " ON a.connector_target_id = b.connector_target_id AND a.id < b.id"
                        + " WHERE a.id = ANY(?::uuid[]) AND b.id = ANY(?::uuid[])"
                        + " AND a.started_at < b.completed_at AND b.started_at < a.completed_at",
                oursArray(),
                oursArray());
    }

    /** Our sync ids as a PostgreSQL array literal. */
    private String oursArray() {
        return ours.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /**
     * {@code n} queued syncs of the target (distinct head SHAs), due since a day ago so they sort
     * before anything else in the shared queue; {@code offset} orders them after earlier backlogs.
     */
    private List<UUID> queueBacklog(Connector c, int n, int offset) {
        TargetRef target = new TargetRef(c.targetId(), c.instanceId(), c.repo().fullName());
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String revision = UUID.randomUUID().toString().replace("-", "") + "00000000";
            UUID id = pool.withTransaction(db -> SyncEvents.queue(db, target, "push", null, revision, new JsonObject()))
                    .await()
                    .atMost(Duration.ofSeconds(30))
                    .orElseThrow();
            execute(
                    "UPDATE connector_sync_event SET next_attempt_at = now() - interval '1 day'"
                            + " + make_interval(secs => ?) WHERE id = ?",
                    (double) (offset + i),
                    id);
            ids.add(id);
        }
        ours.addAll(ids);
        return ids;
    }

    /** Syncs a claim here took that belong to other test classes go back to the queue untouched. */
    private void putBackOthers(List<ClaimedSync> claimed) {
        for (ClaimedSync s : claimed) {
            if (!ours.contains(s.id())) {
                execute(
                        "UPDATE connector_sync_event SET status = 'queued', attempts = attempts - 1,"
                                + " next_attempt_at = now() WHERE id = ?",
                        s.id());
            }
        }
    }

    private long running(Connector c) {
        return count(
                "SELECT count(*) FROM connector_sync_event WHERE connector_target_id = ? AND status = 'running'",
                c.targetId());
    }

    /** These targets have no repository behind them: keep their syncs away from later workers. */
    private static void cancel(Connector c) {
        execute(
                "UPDATE connector_sync_event SET status = 'cancelled', completed_at = now()"
                        + " WHERE connector_target_id = ? AND status IN ('queued', 'running')",
                c.targetId());
    }

    private Duration lease() {
        return config.worker().lease();
    }

    /** A worker with its own connection pool, as another replica has. */
    private SyncWorker replicaWorker(Pool replicaPool) {
        return new SyncWorker(
                replicaPool,
                bindings,
                trees,
                new HeadReader(replicaPool, github, trees),
                applier,
                github,
                config,
                metrics,
                new SyncLeases(replicaPool, config));
    }

    private Pool replicaPool() {
        PostgresEngine pg = PlugSyncTestEngines.engines().postgres();
        Pool replica = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(4))
                .connectingTo(PgConnectOptions.fromUri(pg.reactiveUrl())
                        .setUser(PostgresEngine.USER)
                        .setPassword(PostgresEngine.PASSWORD))
                .using(vertx)
                .build();
        replicaPools.add(replica);
        return replica;
    }
}
