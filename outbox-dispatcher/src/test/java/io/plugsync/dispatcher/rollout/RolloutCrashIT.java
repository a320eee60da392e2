package io.plugsync.dispatcher.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plugsync.common.outbox.ConnectorRolloutMoved;
import io.plugsync.common.replica.PointerRevision;
import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.dispatcher.support.DispatcherProcess;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.dispatcher.support.RegressionMonitor;
import io.plugsync.dispatcher.support.ReplicaProbe;
import io.plugsync.dispatcher.support.RolloutFixture;
import io.plugsync.engines.PlugSyncTestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The packaged dispatcher SIGKILLed at random points while rollouts step (many small steps on
 * several connectors): afterwards every connector's pointer is at its last move, every move was
 * applied exactly once (the pointer's {@code rollout_moves} equals the number of moves: none
 * repeated, none skipped), nothing is dead, and the pointer's revision never went backwards.
 */
class RolloutCrashIT {
    private static final int CONNECTORS = 4;
    private static final int MOVES = 30;
    private static final String TABLE = "rollout_crash_replica";

    @Test
    void sigkilledDispatcherResumesEveryStepWithoutRepeatingOrSkippingAMove() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("rollout crash test seed " + seed);
        var engines = PlugSyncTestEngines.engines();
        List<DispatcherProcess> started = new ArrayList<>();
        DispatcherProcess first = DispatcherProcess.start("rollout-crash-0", TABLE, "rollout-crash.fifo", Map.of());
        started.add(first);
        try (Connection db = PlugSyncTestEngines.jdbc();
                ReplicaProbe probe = new ReplicaProbe(
                        engines.dynamo().endpoint(), engines.sqs().endpoint(), TABLE)) {
            first.awaitReady(Duration.ofSeconds(90));
            PublishFixture publishes = new PublishFixture(db);
            RolloutFixture rollouts = new RolloutFixture(db, publishes);
            List<UUID> connectors = new ArrayList<>();
            List<RolloutFixture.Rollout> running = new ArrayList<>();
            for (int i = 0; i < CONNECTORS; i++) {
                UUID connector = publishes.newConnector();
                publishes.publish(connector, PublishFixture.document(1, "stable"));
                connectors.add(connector);
                running.add(rollouts.publishRolledOut(connector, 1, 100, List.of()));
            }
            RegressionMonitor monitor =
                    new RegressionMonitor("rollout-monitor", () -> revisions(probe, connectors), 50);
            monitor.start();
            AtomicBoolean stepping = new AtomicBoolean(true);
            List<Throwable> stepErrors = new CopyOnWriteArrayList<>();
            Thread stepper = new Thread(
                    () -> stepSlowly(rollouts, running, new Random(seed + 1), stepping, stepErrors), "rollout-stepper");
            stepper.start();

            DispatcherProcess current = first;
            int kills = 0;
            while (kills < 6 || stepping.get()) {
                Thread.sleep(500 + random.nextInt(3500));
                current.kill();
                kills++;
                current = DispatcherProcess.start("rollout-crash-" + kills, TABLE, "rollout-crash.fifo", Map.of());
                started.add(current);
            }
            stepper.join();
            assertThat(stepErrors).isEmpty();
            current.awaitReady(Duration.ofSeconds(90));
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> pending(db, connectors) == 0);
            monitor.stop();

            System.out.printf("rollout crash test: %d SIGKILLs, %d samples%n", kills, monitor.samples.get());
            assertThat(monitor.regressions)
                    .as("a pointer revision went backwards")
                    .isEmpty();
            assertThat(dead(db, connectors)).isZero();
            for (RolloutFixture.Rollout r : running) {
                Map<String, AttributeValue> pointer =
                        probe.items(r.connectorId()).get(ReplicaLayout.ACTIVE_SK);
                assertThat(pointer.get(ReplicaLayout.POINTER_REVISION).n())
                        .as("%s at its last move", r.connectorId())
                        .isEqualTo(Long.toString(PointerRevision.rollout(r.candidate(), MOVES + 1)));
                assertThat(pointer.get(ReplicaLayout.ROLLOUT_MOVES).n())
                        .as("%s: every move applied once", r.connectorId())
                        .isEqualTo(Integer.toString(MOVES + 1));
                assertThat(pointer.get(ReplicaLayout.ROLLOUT_STATE).s()).isEqualTo("completed");
                assertThat(pointer.get(ReplicaLayout.VERSION).n()).isEqualTo(Integer.toString(r.candidate()));
            }
        } finally {
            started.forEach(DispatcherProcess::close);
        }
    }

    /** MOVES steps of each rollout (a growing share), then its completion, over ~30 s. */
    private static void stepSlowly(
            RolloutFixture rollouts,
            List<RolloutFixture.Rollout> running,
            Random random,
            AtomicBoolean stepping,
            List<Throwable> errors) {
        try {
            for (int move = 2; move <= MOVES + 1; move++) {
                for (RolloutFixture.Rollout r : running) {
                    if (move == MOVES + 1) {
                        rollouts.move(r, move, ConnectorRolloutMoved.COMPLETED, move - 2, 10_000, List.of(), null);
                    } else {
                        rollouts.move(
                                r, move, ConnectorRolloutMoved.IN_PROGRESS, move - 1, move * 300, List.of(), null);
                    }
                }
                Thread.sleep(500 + random.nextInt(700));
            }
        } catch (Throwable e) {
            errors.add(e);
        } finally {
            stepping.set(false);
        }
    }

    private static Map<UUID, Long> revisions(ReplicaProbe probe, List<UUID> connectors) {
        Map<UUID, Long> out = new HashMap<>();
        for (UUID c : connectors) {
            Map<String, AttributeValue> pointer = probe.items(c).get(ReplicaLayout.ACTIVE_SK);
            if (pointer != null && pointer.containsKey(ReplicaLayout.POINTER_REVISION)) {
                out.put(
                        c,
                        Long.parseLong(
                                pointer.get(ReplicaLayout.POINTER_REVISION).n()));
            }
        }
        return out;
    }

    private static long pending(Connection db, List<UUID> connectors) throws Exception {
        return count(db, "delivered_at IS NULL AND dead_at IS NULL", connectors);
    }

    private static long dead(Connection db, List<UUID> connectors) throws Exception {
        return count(db, "dead_at IS NOT NULL", connectors);
    }

    private static long count(Connection db, String where, List<UUID> connectors) throws Exception {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE " + where + " AND aggregate_id = ANY(?)")) {
            q.setArray(
                    1,
                    db.createArrayOf(
                            "text", connectors.stream().map(UUID::toString).toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
