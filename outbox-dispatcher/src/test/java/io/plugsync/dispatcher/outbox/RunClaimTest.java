package io.plugsync.dispatcher.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.ManualDrain;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Claiming runs: a head plus the due events in line behind it, locked in the claiming transaction.
 * Two claimers never get the same event or the same aggregate; a run stops at the first follower
 * that cannot be taken. Events here belong to an aggregate type no handler knows, and are marked
 * delivered afterwards, so nothing else ever acts on them.
 */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
@TestProfile(ManualDrain.class)
class RunClaimTest {
    private static final String TYPE = "run-claim-test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    OutboxRepository repository;

    @Inject
    OutboxDrainer drainer;

    Connection db;
    PublishFixture fixture;
    final List<Claim> open = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        db = PlugSyncTestEngines.jdbc();
        fixture = new PublishFixture(db);
        // whatever earlier test classes left due in the shared outbox goes first, so claims here
        // see only this test's events
        for (int i = 0; i < 20 && drainer.drainOnce().await().atMost(WAIT) > 0; i++) {}
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Claim claim : open) {
            claim.release();
        }
        try (PreparedStatement done = db.prepareStatement(
                "UPDATE outbox_event SET delivered_at = now() WHERE aggregate_type = ? AND delivered_at IS NULL")) {
            done.setString(1, TYPE);
            done.executeUpdate();
        }
        db.close();
    }

    @Test
    void runIsTheHeadAndTheEventsInLineBehindIt() throws Exception {
        Map<String, List<UUID>> backlog = backlog(3, 4);

        List<List<OutboxRecord>> runs = mine(claim(50, 10).runs());

        assertThat(runs).hasSize(3);
        for (List<OutboxRecord> run : runs) {
            assertThat(ids(run)).isEqualTo(backlog.get(run.get(0).aggregateId()));
        }
    }

    @Test
    void runSizeBoundsTheEventsTakenPerAggregate() throws Exception {
        Map<String, List<UUID>> backlog = backlog(2, 5);

        List<List<OutboxRecord>> runs = mine(claim(50, 3).runs());

        assertThat(runs).hasSize(2);
        for (List<OutboxRecord> run : runs) {
            assertThat(ids(run)).isEqualTo(backlog.get(run.get(0).aggregateId()).subList(0, 3));
        }
    }

    @Test
    void secondClaimerGetsNeitherTheEventsNorTheAggregatesOfTheFirst() throws Exception {
        Map<String, List<UUID>> backlog = backlog(8, 4);

        Claim first = claim(4, 10);
        Claim second = claim(50, 10);

        List<List<OutboxRecord>> a = mine(first.runs());
        List<List<OutboxRecord>> b = mine(second.runs());
        assertThat(a)
                .as("the first claimer took some of this test's aggregates")
                .isNotEmpty();
        assertThat(aggregates(a)).doesNotContainAnyElementsOf(aggregates(b));
        assertThat(events(a)).doesNotContainAnyElementsOf(events(b));
        // between them, every aggregate's whole backlog, each as one run in order
        List<List<OutboxRecord>> all = new ArrayList<>(a);
        all.addAll(b);
        assertThat(aggregates(all)).containsExactlyInAnyOrderElementsOf(backlog.keySet());
        for (List<OutboxRecord> run : all) {
            assertThat(ids(run)).isEqualTo(backlog.get(run.get(0).aggregateId()));
        }
    }

    @Test
    void concurrentClaimersNeverShareAnEventOrAnAggregate() throws Exception {
        for (int round = 0; round < 10; round++) {
            Map<String, List<UUID>> backlog = backlog(8, 3);
            SqlConnection c1 = pool.getConnection().await().atMost(WAIT);
            SqlConnection c2 = pool.getConnection().await().atMost(WAIT);
            Transaction t1 = c1.begin().await().atMost(WAIT);
            Transaction t2 = c2.begin().await().atMost(WAIT);
            open.add(new Claim(c1, t1, List.of()));
            open.add(new Claim(c2, t2, List.of()));
            // both claims in flight at once, on two connections
            var both = Uni.combine()
                    .all()
                    .unis(repository.claimRuns(c1, 4, 10), repository.claimRuns(c2, 4, 10))
                    .asTuple()
                    .await()
                    .atMost(WAIT);
            List<List<OutboxRecord>> a = mine(both.getItem1());
            List<List<OutboxRecord>> b = mine(both.getItem2());

            assertThat(aggregates(a)).as("round %d", round).doesNotContainAnyElementsOf(aggregates(b));
            assertThat(events(a)).as("round %d", round).doesNotContainAnyElementsOf(events(b));
            for (List<OutboxRecord> run : concat(a, b)) {
                List<UUID> line = backlog.get(run.get(0).aggregateId());
                assertThat(ids(run)).as("round %d", round).isEqualTo(line.subList(0, run.size()));
            }
            for (Claim claim : open) {
                claim.release();
            }
            open.clear();
            markDelivered(backlog);
        }
    }

    @Test
    void runStopsAtAFollowerThatAnotherTransactionHolds() throws Exception {
        List<UUID> line = backlog(1, 5).values().iterator().next();
        try (Connection other = PlugSyncTestEngines.jdbc()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock =
                    other.prepareStatement("SELECT id FROM outbox_event WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, line.get(2));
                lock.executeQuery().close();
            }

            List<List<OutboxRecord>> runs = mine(claim(50, 10).runs());

            assertThat(runs)
                    .singleElement()
                    .satisfies(run -> assertThat(ids(run))
                            .as("the locked third event and everything after it stay out of the run")
                            .isEqualTo(line.subList(0, 2)));
            other.rollback();
        }
    }

    @Test
    void runStopsAtAFollowerThatIsNotDue() throws Exception {
        List<UUID> line = backlog(1, 5).values().iterator().next();
        try (PreparedStatement later = db.prepareStatement(
                "UPDATE outbox_event SET next_attempt_at = now() + interval '1 hour' WHERE id = ?")) {
            later.setObject(1, line.get(3));
            later.executeUpdate();
        }

        List<List<OutboxRecord>> runs = mine(claim(50, 10).runs());

        assertThat(runs).singleElement().satisfies(run -> assertThat(ids(run)).isEqualTo(line.subList(0, 3)));
    }

    /** An open claiming transaction; released (rolled back) after the test. */
    record Claim(SqlConnection connection, Transaction transaction, List<List<OutboxRecord>> runs) {
        void release() {
            transaction.rollback().onFailure().recoverWithNull().await().atMost(WAIT);
            connection.close().await().atMost(WAIT);
        }
    }

    private Claim claim(int heads, int runSize) {
        SqlConnection connection = pool.getConnection().await().atMost(WAIT);
        Transaction transaction = connection.begin().await().atMost(WAIT);
        List<List<OutboxRecord>> runs =
                repository.claimRuns(connection, heads, runSize).await().atMost(WAIT);
        Claim claim = new Claim(connection, transaction, runs);
        open.add(claim);
        return claim;
    }

    /** {@code aggregates} aggregates with {@code events} events each, inserted round-robin (interleaved seqs). */
    private Map<String, List<UUID>> backlog(int aggregates, int events) throws Exception {
        Map<String, List<UUID>> backlog = new LinkedHashMap<>();
        for (int a = 0; a < aggregates; a++) {
            backlog.put(UUID.randomUUID().toString(), new ArrayList<>());
        }
        for (int e = 0; e < events; e++) {
            for (Map.Entry<String, List<UUID>> aggregate : backlog.entrySet()) {
                UUID id = fixture.rawEvent(TYPE, aggregate.getKey(), "run.claim.test", "{}");
                aggregate.getValue().add(id);
            }
        }
        return backlog;
    }

    private void markDelivered(Map<String, List<UUID>> backlog) throws Exception {
        try (PreparedStatement done =
                db.prepareStatement("UPDATE outbox_event SET delivered_at = now() WHERE aggregate_id = ?")) {
            for (String aggregate : backlog.keySet()) {
                done.setString(1, aggregate);
                done.executeUpdate();
            }
        }
    }

    private static List<List<OutboxRecord>> mine(List<List<OutboxRecord>> runs) {
        return runs.stream()
                .filter(run -> run.get(0).aggregateType().equals(TYPE))
                .toList();
    }

    private static List<List<OutboxRecord>> concat(List<List<OutboxRecord>> a, List<List<OutboxRecord>> b) {
        List<List<OutboxRecord>> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<UUID> ids(List<OutboxRecord> run) {
        return run.stream().map(OutboxRecord::id).toList();
    }

    private static Set<String> aggregates(List<List<OutboxRecord>> runs) {
        Set<String> out = new HashSet<>();
        runs.forEach(run -> out.add(run.get(0).aggregateId()));
        return out;
    }

    private static Set<UUID> events(List<List<OutboxRecord>> runs) {
        Set<UUID> out = new HashSet<>();
        runs.forEach(run -> run.forEach(e -> out.add(e.id())));
        return out;
    }
}
