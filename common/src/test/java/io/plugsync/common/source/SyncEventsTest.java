package io.plugsync.common.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.common.source.SourceStatus.Sync;
import io.plugsync.common.sql.Keyset;
import io.plugsync.common.support.FreshDatabase;
import io.plugsync.engines.OrgFixtures;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sync queue's status transitions both services rely on, against real rows: queue -> claim
 * -> held -> confirm -> queued again (or discarded), de-duplication per (target, head SHA) and of
 * admin resyncs (queueOnce), and re-queueing.
 */
class SyncEventsTest {
    static final Duration LEASE = Duration.ofMinutes(15);
    static final Keyset ALL = new Keyset(null, null, 1000);
    static FreshDatabase database;
    static UUID org;

    @BeforeAll
    static void freshDatabase() throws SQLException {
        database = FreshDatabase.create("source");
        try (Connection db = database.connect()) {
            org = OrgFixtures.newOrganisation(db, "source");
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aHeldSyncIsQueuedAgainWithTheConfirmationFlagWhenConfirmed() {
        TargetRef target = newTarget("held");
        UUID id = run(db -> SyncEvents.queue(
                        db, target, SourceKinds.SyncEventType.PUSH, "d1", sha("a"), SyncEvents.summary("k", "v")))
                .orElseThrow();
        assertThat(status(id)).isEqualTo(Sync.QUEUED.wire());

        List<ClaimedSync> claimed = tx(db -> SyncEvents.claim(db, 1000, LEASE));
        assertThat(claimed).extracting(ClaimedSync::id).contains(id);
        ClaimedSync ours =
                claimed.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        assertThat(ours.attempts()).isEqualTo(1);
        assertThat(ours.deletionsConfirmed()).isFalse();
        assertThat(status(id)).isEqualTo(Sync.RUNNING.wire());

        run(db -> SyncEvents.finish(db, id, Sync.NEEDS_CONFIRMATION, new JsonObject().put("planned_deletions", 9)));
        List<SyncEvent> got1 = run(db -> SyncEvents.list(db, org, null, true, null, Sync.NEEDS_CONFIRMATION, ALL));
        assertThat(got1).extracting(SyncEvent::id).contains(id);

        Optional<SyncEvent> got3 = run(db -> SyncEvents.confirmHeld(db, id, "admin"));
        assertThat(got3).map(SyncEvent::status).contains(Sync.QUEUED.wire());
        assertThat(got3.orElseThrow().summary().getString("confirmed_by")).isEqualTo("admin");
        Optional<SyncEvent> got4 = run(db -> SyncEvents.confirmHeld(db, id, "admin"));
        assertThat(got4).as("only a held sync can be confirmed").isEmpty();

        ClaimedSync again = tx(db -> SyncEvents.claim(db, 1000, LEASE)).stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(again.deletionsConfirmed()).isTrue();
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.summary().getInteger("planned_deletions")).isEqualTo(9);
    }

    @Test
    void aSecondSyncOfTheSameHeadIsNotQueuedUntilTheFirstFailed() {
        TargetRef target = newTarget("dedup");
        String revision = sha("b");
        UUID first = run(db ->
                        SyncEvents.queue(db, target, SourceKinds.SyncEventType.PUSH, "d1", revision, new JsonObject()))
                .orElseThrow();
        Optional<UUID> got5 = run(db ->
                SyncEvents.queue(db, target, SourceKinds.SyncEventType.RECONCILE, null, revision, new JsonObject()));
        assertThat(got5).isEmpty();
        Optional<UUID> got6 =
                run(db -> SyncEvents.queue(db, target, SourceKinds.SyncEventType.PUSH, "d2", null, new JsonObject()));
        assertThat(got6).as("no revision, no de-duplication").isPresent();

        run(db -> SyncEvents.finish(db, first, Sync.FAILED, new JsonObject()));
        Optional<UUID> retried = run(
                db -> SyncEvents.queue(db, target, SourceKinds.SyncEventType.PUSH, "d3", revision, new JsonObject()));
        assertThat(retried).isPresent();

        // the failed one cannot be re-queued while the new sync of its revision is queued
        assertThat(runFailure(db -> SyncEvents.requeue(db, first))).hasMessageContaining("23505");
        run(db -> SyncEvents.cancelQueued(db, List.of(target.targetId()), "test"));
        assertThat(status(retried.get())).isEqualTo(Sync.CANCELLED.wire());
        Optional<SyncEvent> got7 = run(db -> SyncEvents.requeue(db, first));
        assertThat(got7).map(SyncEvent::status).contains(Sync.QUEUED.wire());
    }

    @Test
    void aDiscardedHeldSyncIsCancelledAndCannotBeConfirmedAfterwards() {
        TargetRef target = newTarget("discard");
        UUID id = run(db ->
                        SyncEvents.queue(db, target, SourceKinds.SyncEventType.PUSH, null, sha("d"), new JsonObject()))
                .orElseThrow();
        Optional<SyncEvent> notHeld = run(db -> SyncEvents.discardHeld(db, id, "admin"));
        assertThat(notHeld).as("a queued sync is not held").isEmpty();
        tx(db -> SyncEvents.claim(db, 1000, LEASE));
        run(db -> SyncEvents.finish(db, id, Sync.NEEDS_CONFIRMATION, new JsonObject().put("planned_deletions", 3)));

        SyncEvent discarded = run(db -> SyncEvents.discardHeld(db, id, "admin")).orElseThrow();
        assertThat(discarded.status()).isEqualTo(Sync.CANCELLED.wire());
        assertThat(discarded.summary().getString("discarded_by")).isEqualTo("admin");
        assertThat(discarded.summary().getInteger("planned_deletions")).isEqualTo(3);
        Optional<SyncEvent> confirmed = run(db -> SyncEvents.confirmHeld(db, id, "admin"));
        assertThat(confirmed).isEmpty();
        assertThat(status(id)).isEqualTo(Sync.CANCELLED.wire());
    }

    @Test
    void queueOnceReturnsTheQueuedSyncUntilOneRuns() {
        SourceTarget target = newSourceTarget("once");
        JsonObject why = SyncEvents.summary("reason", "test");
        UUID first = tx(db -> SyncEvents.queueOnce(db, target, SourceKinds.SyncEventType.CONFIG_CHANGE, why));
        UUID second = tx(db -> SyncEvents.queueOnce(db, target, SourceKinds.SyncEventType.CONFIG_CHANGE, why));
        assertThat(second).isEqualTo(first);
        assertThat(queued(target)).isEqualTo(1);

        List<ClaimedSync> claimed = tx(db -> SyncEvents.claim(db, 1000, LEASE));
        assertThat(claimed).extracting(ClaimedSync::id).contains(first);
        UUID third = tx(db -> SyncEvents.queueOnce(db, target, SourceKinds.SyncEventType.CONFIG_CHANGE, why));
        assertThat(third).as("a running sync may have read the old mappings").isNotEqualTo(first);
        SyncEvent queued = run(db -> SyncEvents.find(db, org, third)).orElseThrow();
        assertThat(queued.eventType()).isEqualTo(SourceKinds.SyncEventType.CONFIG_CHANGE);
        assertThat(queued.summary().getString("reason")).isEqualTo("test");
        assertThat(queued.sourceRevisionRef()).isNull();
    }

    @Test
    void concurrentQueueOnceCallsQueueOneSync() {
        for (int round = 0; round < 10; round++) {
            SourceTarget target = newSourceTarget("race");
            List<UUID> ids = Multi.createFrom()
                    .range(0, 8)
                    .onItem()
                    .transformToUniAndMerge(i -> pool().withTransaction(db -> SyncEvents.queueOnce(
                            db, target, SourceKinds.SyncEventType.CONFIG_CHANGE, new JsonObject())))
                    .collect()
                    .asList()
                    .await()
                    .atMost(Duration.ofSeconds(30));
            assertThat(ids).hasSize(8);
            assertThat(Set.copyOf(ids)).as("round %d", round).hasSize(1);
            assertThat(queued(target)).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void anExpiredLeaseGoesBackToTheQueue() {
        TargetRef target = newTarget("lease");
        UUID id = run(db ->
                        SyncEvents.queue(db, target, SourceKinds.SyncEventType.PUSH, null, sha("c"), new JsonObject()))
                .orElseThrow();
        List<ClaimedSync> got8 = tx(db -> SyncEvents.claim(db, 1000, Duration.ZERO));
        assertThat(got8).extracting(ClaimedSync::id).contains(id);
        Integer got9 = run(SyncEvents::releaseExpired);
        assertThat(got9).isGreaterThanOrEqualTo(1);
        assertThat(status(id)).isEqualTo(Sync.QUEUED.wire());
    }

    private static TargetRef newTarget(String name) {
        SourceTarget target = newSourceTarget(name);
        return new TargetRef(target.id(), target.connectorInstanceId(), target.remoteId());
    }

    private static SourceTarget newSourceTarget(String name) {
        String suffix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        SourceAccount account =
                run(db -> SourceAccounts.create(db, org, SourceKinds.GITHUB, suffix, "acme", "GitHub " + suffix, null));
        UUID instance = run(db -> SourceInstances.create(db, org, account.id(), null, suffix, new JsonObject(), null))
                .orElseThrow();
        SourceTarget target = run(db -> SourceTargets.create(
                db, instance, SourceKinds.GITHUB, "acme/" + suffix, null, "main", new JsonObject()));
        assertThat(target.targetKind()).isEqualTo(SourceKinds.REPOSITORY_BRANCH);
        return target;
    }

    private static long queued(SourceTarget target) {
        return run(db -> SyncEvents.list(db, org, null, true, target.connectorInstanceId(), Sync.QUEUED, ALL))
                .size();
    }

    private static String sha(String seed) {
        return (seed + UUID.randomUUID().toString().replace("-", "") + "0000000000").substring(0, 40);
    }

    private static String status(UUID id) {
        return run(db -> SyncEvents.find(db, org, id)).orElseThrow().status();
    }

    private static <T> T run(Function<SqlClient, Uni<T>> work) {
        return work.apply(pool()).await().atMost(Duration.ofSeconds(30));
    }

    private static <T> T tx(Function<SqlClient, Uni<T>> work) {
        return pool().withTransaction(work::apply).await().atMost(Duration.ofSeconds(30));
    }

    private static Throwable runFailure(Function<SqlClient, Uni<?>> work) {
        return work.apply(pool())
                .onItem()
                .transform(x -> (Throwable) null)
                .onFailure()
                .recoverWithItem(e -> e)
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    private static Pool pool() {
        return database.pool();
    }
}
