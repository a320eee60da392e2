package io.plugsync.dispatcher.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.common.outbox.ConnectorRolloutMoved;
import io.plugsync.common.replica.DynamoConfigStore;
import io.plugsync.common.replica.PointerRevision;
import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.common.replica.ReplicaPointer;
import io.plugsync.dispatcher.drift.DriftChecker;
import io.plugsync.dispatcher.drift.DriftReport;
import io.plugsync.dispatcher.outbox.OutboxDrainer;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.ManualDrain;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.dispatcher.support.ReplicaProbe;
import io.plugsync.dispatcher.support.RolloutFixture;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * Rollout moves through the real dispatcher into DynamoDB, read back the way workers read them
 * ({@link DynamoConfigStore#active(UUID, String)}): which workers run the candidate, that it is
 * always the same ones, that nobody goes back but on a rollback, and that the pointer never regresses.
 */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
@TestProfile(ManualDrain.class)
class RolloutDeliveryTest {
    static final List<String> WORKERS =
            IntStream.range(0, 1_000).mapToObj(i -> "worker-" + i).toList();

    @Inject
    OutboxDrainer drainer;

    @Inject
    DriftChecker drift;

    @Inject
    DynamoDbAsyncClient dynamoAsync;

    Connection db;
    PublishFixture publishes;
    RolloutFixture rollouts;
    ReplicaProbe probe;

    @BeforeEach
    void setUp() throws Exception {
        db = PlugSyncTestEngines.jdbc();
        publishes = new PublishFixture(db);
        rollouts = new RolloutFixture(db, publishes);
        probe = ReplicaProbe.ofTestEngines();
        drainAll();
        probe.drainQueue(ManualDrain.QUEUE);
    }

    @AfterEach
    void tearDown() throws Exception {
        probe.close();
        db.close();
    }

    /** A fresh store per read: nothing cached, every answer is the replica's. */
    private DynamoConfigStore freshStore() {
        return new DynamoConfigStore(dynamoAsync, ReplicaLayout.DEFAULT_TABLE, Duration.ZERO, 16, Clock.systemUTC());
    }

    private Map<String, Integer> versionsOfAllWorkers(UUID connector) {
        DynamoConfigStore store = freshStore();
        Map<String, Integer> out = new HashMap<>();
        for (String w : WORKERS) {
            out.put(
                    w,
                    store.active(connector, w)
                            .toCompletableFuture()
                            .join()
                            .orElseThrow()
                            .version());
        }
        return out;
    }

    private UUID connectorAtVersionOne() throws Exception {
        UUID connector = publishes.newConnector();
        publishes.publish(connector, PublishFixture.document(1, "stable"));
        drainAll();
        return connector;
    }

    @Test
    void aRolledOutVersionIsReplicatedButOnlyItsMovesMoveThePointer() throws Exception {
        UUID connector = connectorAtVersionOne();
        RolloutFixture.Rollout r = rollouts.publishRolledOut(connector, 1, 1_000, List.of());

        drainAll();

        ReplicaPointer pointer =
                freshStore().readPointer(connector).toCompletableFuture().join().orElseThrow();
        assertThat(pointer.version())
                .as("every other worker keeps the stable version")
                .isEqualTo(1);
        assertThat(pointer.revision()).isEqualTo(PointerRevision.rollout(2, 1));
        assertThat(pointer.rollout()).hasValueSatisfying(rollout -> {
            assertThat(rollout.candidateVersion()).isEqualTo(2);
            assertThat(rollout.basisPoints()).isEqualTo(1_000);
            assertThat(rollout.rolloutId()).isEqualTo(r.id());
        });
        assertThat(probe.items(connector)).containsKey(ReplicaLayout.versionSk(2));
        assertThat(freshStore()
                        .active(connector)
                        .toCompletableFuture()
                        .join()
                        .orElseThrow()
                        .version())
                .as("active(connectorId) of callers without a worker id: the stable version")
                .isEqualTo(1);
        assertThat(probe.drainQueue(ManualDrain.QUEUE).stream()
                        .filter(m -> m.groupId().equals(connector.toString()))
                        .map(m -> m.body().path("pointer_revision").asLong()))
                .as("workers hear of the move")
                .contains(PointerRevision.rollout(2, 1));
    }

    @Test
    void aTenPercentCanaryPicksTheSameWorkersOnEveryRead() throws Exception {
        UUID connector = connectorAtVersionOne();
        rollouts.publishRolledOut(connector, 1, 1_000, List.of());
        drainAll();

        Set<String> first = candidates(versionsOfAllWorkers(connector));
        for (int read = 0; read < 3; read++) {
            assertThat(candidates(versionsOfAllWorkers(connector))).isEqualTo(first);
        }
        assertThat(first.size()).as("about a tenth of 1,000 workers").isBetween(70, 130);
    }

    @Test
    void noWorkerGoesBackwardsWhileTheRolloutStepsAndEveryWorkerReturnsToStableOnRollback() throws Exception {
        UUID connector = connectorAtVersionOne();
        RolloutFixture.Rollout r = rollouts.publishRolledOut(connector, 1, 1_000, List.of("canary"));
        drainAll();
        Map<String, Integer> before = versionsOfAllWorkers(connector);
        int move = 1;
        for (int share : new int[] {2_500, 5_000}) {
            rollouts.move(r, ++move, ConnectorRolloutMoved.IN_PROGRESS, move - 1, share, List.of("canary"), null);
            drainAll();
            Map<String, Integer> now = versionsOfAllWorkers(connector);
            for (String w : WORKERS) {
                assertThat(now.get(w)).as("%s at %d bp", w, share).isGreaterThanOrEqualTo(before.get(w));
            }
            assertThat(candidates(now)).hasSizeGreaterThan(candidates(before).size());
            before = now;
        }

        rollouts.move(r, ++move, ConnectorRolloutMoved.ROLLED_BACK, 2, 0, List.of(), "error rate");
        drainAll();

        assertThat(versionsOfAllWorkers(connector).values()).containsOnly(1);
        ReplicaPointer pointer =
                freshStore().readPointer(connector).toCompletableFuture().join().orElseThrow();
        assertThat(pointer.rollout()).isEmpty();
        assertThat(pointer.revision()).isEqualTo(PointerRevision.rollout(2, 4));
        assertThat(probe.items(connector)
                        .get(ReplicaLayout.ACTIVE_SK)
                        .get(ReplicaLayout.ROLLOUT_STATE)
                        .s())
                .isEqualTo("rolled_back");
    }

    @Test
    void aReplayedOrLateMoveNeverTakesThePointerBack() throws Exception {
        UUID connector = connectorAtVersionOne();
        RolloutFixture.Rollout r = rollouts.publishRolledOut(connector, 1, 1_000, List.of());
        rollouts.move(r, 2, ConnectorRolloutMoved.IN_PROGRESS, 1, 5_000, List.of(), null);
        rollouts.move(r, 3, ConnectorRolloutMoved.COMPLETED, 1, 10_000, List.of(), null);
        drainAll();
        assertThat(freshStore()
                        .readPointer(connector)
                        .toCompletableFuture()
                        .join()
                        .orElseThrow())
                .satisfies(p -> {
                    assertThat(p.version()).isEqualTo(2);
                    assertThat(p.rollout()).isEmpty();
                });

        // a straggler of move 2 (a dispatcher that lost its claim), then a replay of the publish
        publishes.event(RolloutFixture.payload(r, 2, ConnectorRolloutMoved.IN_PROGRESS, 1, 5_000, List.of(), null));
        drainAll();

        ReplicaPointer pointer =
                freshStore().readPointer(connector).toCompletableFuture().join().orElseThrow();
        assertThat(pointer.version()).isEqualTo(2);
        assertThat(pointer.revision()).isEqualTo(PointerRevision.rollout(2, 3));
        assertThat(pointer.rollout()).isEmpty();
        assertThat(appliedMoves(connector)).as("moves 1, 2 and 3, each once").isEqualTo(3);
    }

    @Test
    void aPublishAfterARollbackGoesToEveryoneAndOutranksTheOldRollout() throws Exception {
        UUID connector = connectorAtVersionOne();
        RolloutFixture.Rollout r = rollouts.publishRolledOut(connector, 1, 1_000, List.of());
        rollouts.move(r, 2, ConnectorRolloutMoved.ROLLED_BACK, 0, 0, List.of(), "error rate");
        drainAll();

        PublishFixture.Published v3 = publishes.publish(connector, PublishFixture.document(3, "fix"));
        drainAll();
        assertThat(versionsOfAllWorkers(connector).values()).containsOnly(3);

        publishes.event(RolloutFixture.payload(r, 1, ConnectorRolloutMoved.IN_PROGRESS, 0, 1_000, List.of(), null));
        drainAll();
        assertThat(versionsOfAllWorkers(connector).values()).containsOnly(v3.version());
    }

    @Test
    void theDriftCheckSeesARollingConnectorInSync() throws Exception {
        UUID connector = connectorAtVersionOne();
        rollouts.publishRolledOut(connector, 1, 1_000, List.of());
        drainAll();

        DriftReport report = drift.check().await().atMost(Duration.ofSeconds(60));

        assertThat(report.drifted())
                .noneSatisfy(d -> assertThat(d.connectorId()).isEqualTo(connector));
        try (var q = db.prepareStatement("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?"
                + " AND delivered_at IS NULL AND dead_at IS NULL")) {
            q.setString(1, connector.toString());
            try (var rs = q.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("no repair was enqueued").isZero();
            }
        }
    }

    private long appliedMoves(UUID connector) {
        return Long.parseLong(probe.items(connector)
                .get(ReplicaLayout.ACTIVE_SK)
                .get(ReplicaLayout.ROLLOUT_MOVES)
                .n());
    }

    private static Set<String> candidates(Map<String, Integer> versions) {
        int max = versions.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return versions.entrySet().stream()
                .filter(e -> e.getValue() == max && max > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private void drainAll() {
        for (int i = 0; i < 50 && drainer.drainOnce().await().atMost(Duration.ofSeconds(60)) > 0; i++) {}
    }
}
