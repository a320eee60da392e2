package io.plugsync.dispatcher.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.common.outbox.ConnectorRolloutMoved;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.common.replica.PointerRevision;
import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.dispatcher.outbox.OutboxDrainer;
import io.plugsync.dispatcher.outbox.OutboxHandlers;
import io.plugsync.dispatcher.outbox.OutboxRecord;
import io.plugsync.dispatcher.outbox.OutboxRepository;
import io.plugsync.dispatcher.outbox.RunResult;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.ManualDrain;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.dispatcher.support.ReplicaProbe;
import io.plugsync.dispatcher.support.RolloutFixture;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A dispatcher that dies in the middle of a step: it claimed the step's move, wrote the pointer, and
 * died before its transaction recorded the delivery (the claim rolls back, as when the process is
 * killed). The next pass delivers the move again: the pointer's revision turns it into a no-op (the
 * move is not applied twice), the event is recorded, and the next step's move applies (none is
 * skipped). {@code RolloutCrashIT} does the same with SIGKILLed processes.
 */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
@TestProfile(ManualDrain.class)
class RolloutCrashRecoveryTest {
    @Inject
    OutboxDrainer drainer;

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxHandlers handlers;

    @Inject
    Pool pool;

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

    @Test
    void aCrashAfterTheReplicaWriteResumesTheStepWithoutRepeatingOrSkippingAMove() throws Exception {
        UUID connector = publishes.newConnector();
        publishes.publish(connector, PublishFixture.document(1, "stable"));
        RolloutFixture.Rollout r = rollouts.publishRolledOut(connector, 1, 1_000, List.of());
        drainAll();
        assertThat(pointer(connector)).containsEntry(ReplicaLayout.ROLLOUT_MOVES, "1");

        UUID step2 = rollouts.move(r, 2, ConnectorRolloutMoved.IN_PROGRESS, 1, 2_500, List.of(), null);
        RunResult crashed = deliverThenCrash(connector);

        assertThat(crashed.delivered())
                .as("the move reached DynamoDB before the crash")
                .isEqualTo(1);
        assertThat(pointer(connector))
                .containsEntry(ReplicaLayout.POINTER_REVISION, Long.toString(PointerRevision.rollout(2, 2)))
                .containsEntry(ReplicaLayout.ROLLOUT_BASIS_POINTS, "2500")
                .containsEntry(ReplicaLayout.ROLLOUT_MOVES, "2");
        PublishFixture.Delivery lost = publishes.delivery(step2);
        assertThat(lost.deliveredAt()).as("its delivery was never recorded").isNull();
        assertThat(lost.attempts()).isZero();

        // the restarted dispatcher: the same move again, then the next step
        drainAll();
        assertThat(publishes.delivery(step2).deliveredAt()).isNotNull();
        assertThat(pointer(connector))
                .as("the replayed move was not applied a second time")
                .containsEntry(ReplicaLayout.ROLLOUT_MOVES, "2")
                .containsEntry(ReplicaLayout.POINTER_REVISION, Long.toString(PointerRevision.rollout(2, 2)));

        rollouts.move(r, 3, ConnectorRolloutMoved.IN_PROGRESS, 2, 5_000, List.of(), null);
        drainAll();
        assertThat(pointer(connector))
                .as("the next step was applied, once")
                .containsEntry(ReplicaLayout.ROLLOUT_MOVES, "3")
                .containsEntry(ReplicaLayout.ROLLOUT_BASIS_POINTS, "5000")
                .containsEntry(ReplicaLayout.POINTER_REVISION, Long.toString(PointerRevision.rollout(2, 3)));
        // SQS de-duplicates the notification of the replayed move by its event id
        List<Long> revisions = probe.drainQueue(ManualDrain.QUEUE).stream()
                .filter(m -> m.groupId().equals(connector.toString()))
                .map(m -> m.body().path("pointer_revision").asLong())
                .toList();
        assertThat(revisions)
                .containsSubsequence(PointerRevision.rollout(2, 2), PointerRevision.rollout(2, 3))
                .doesNotHaveDuplicates();
    }

    /** Claims the connector's run, delivers it, and rolls the claim back as a killed process would. */
    private RunResult deliverThenCrash(UUID connector) {
        RunResult[] result = new RunResult[1];
        pool.withTransaction(tx -> outbox.claimRuns(tx, 200, 50).chain(runs -> {
                    List<OutboxRecord> run = runs.stream()
                            .filter(rr -> rr.get(0).aggregateId().equals(connector.toString()))
                            .findFirst()
                            .orElseThrow();
                    return handlers.forAggregateType(OutboxContract.CONNECTOR)
                            .orElseThrow()
                            .deliverRun(run)
                            .invoke(delivered -> result[0] = delivered)
                            .chain(delivered ->
                                    Uni.createFrom().failure(new IllegalStateException("killed before the commit")));
                }))
                .onFailure()
                .recoverWithNull()
                .await()
                .atMost(Duration.ofSeconds(60));
        return result[0];
    }

    private Map<String, String> pointer(UUID connector) {
        Map<String, AttributeValue> item = probe.items(connector).get(ReplicaLayout.ACTIVE_SK);
        return item.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey,
                        e -> e.getValue().n() != null
                                ? e.getValue().n()
                                : String.valueOf(e.getValue().s())));
    }

    private void drainAll() {
        for (int i = 0; i < 50 && drainer.drainOnce().await().atMost(Duration.ofSeconds(60)) > 0; i++) {}
    }
}
