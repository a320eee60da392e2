package io.plugsync.dispatcher.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.dispatcher.support.DispatcherProcess;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.dispatcher.support.RegressionMonitor;
import io.plugsync.dispatcher.support.ReplicaProbe;
import io.plugsync.engines.PlugSyncTestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The packaged dispatcher as separate processes: SIGKILLed at random points while publishes drain,
 * and two replicas draining at once. Each test uses its own table and queue.
 */
class DispatcherProcessesIT {
    private static final int CONNECTORS = 20;
    private static final int VERSIONS = 10;

    @Test
    void sigkilledDispatcherLosesNothingAndNeverRegressesTheReplica() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("crash test seed " + seed);
        String table = "crash_replica";
        String queue = "crash-changes.fifo";
        var engines = PlugSyncTestEngines.engines();
        // the first start migrates the schema the publisher needs
        // every process started is stopped at the end, whatever fails on the way (a SIGKILLed one too)
        List<DispatcherProcess> started = new ArrayList<>();
        DispatcherProcess first = DispatcherProcess.start("crash-0", table, queue, Map.of());
        started.add(first);
        first.awaitReady(Duration.ofSeconds(90));
        try (Connection db = PlugSyncTestEngines.jdbc();
                ReplicaProbe probe = new ReplicaProbe(
                        engines.dynamo().endpoint(), engines.sqs().endpoint(), table)) {
            PublishFixture fixture = new PublishFixture(db);
            List<UUID> connectors = new ArrayList<>();
            for (int i = 0; i < CONNECTORS; i++) {
                connectors.add(fixture.newConnector());
            }
            AtomicBoolean publishing = new AtomicBoolean(true);
            List<Throwable> publisherErrors = new CopyOnWriteArrayList<>();
            Thread publisher = new Thread(() -> publishSlowly(connectors, publishing, publisherErrors), "publisher");
            RegressionMonitor monitor =
                    new RegressionMonitor("replica-monitor", () -> longs(probe.activeVersions(connectors)), 50);
            monitor.start();
            publisher.start();

            DispatcherProcess current = first;
            int kills = 0;
            while (kills < 10 || publishing.get()) {
                // a random point: during start-up, mid-batch, or idle between notifications
                Thread.sleep(500 + random.nextInt(4000));
                current.kill();
                kills++;
                current = DispatcherProcess.start("crash-" + kills, table, queue, Map.of());
                started.add(current);
            }
            publisher.join();
            assertThat(publisherErrors).isEmpty();
            try (DispatcherProcess last = current) {
                last.awaitReady(Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> pending(db, connectors) == 0);
                Thread.sleep(300);
                monitor.stop();

                System.out.printf("crash test: %d SIGKILLs, %d replica samples%n", kills, monitor.samples.get());
                assertThat(kills).isGreaterThanOrEqualTo(10);
                assertThat(monitor.regressions)
                        .as("replica pointer went backwards")
                        .isEmpty();
                assertThat(monitor.samples.get()).isGreaterThan(100);
                assertThat(dead(db, connectors)).isZero();
                assertThat(delivered(db, connectors)).isEqualTo(CONNECTORS * VERSIONS);
                assertThat(orderViolations(db, connectors)).isZero();
                Map<UUID, Integer> active = probe.activeVersions(connectors);
                for (UUID connector : connectors) {
                    assertThat(active.get(connector)).isEqualTo(VERSIONS);
                    assertThat(probe.items(connector).keySet())
                            .as("every version of %s is in the replica", connector)
                            .containsAll(versionKeys());
                }
            }
        } finally {
            started.forEach(DispatcherProcess::close);
        }
    }

    @Test
    void twoDispatchersReachTheSameStateAndKeepPerConnectorOrder() throws Exception {
        String table = "duo_replica";
        String queue = "duo-changes.fifo";
        var engines = PlugSyncTestEngines.engines();
        try (DispatcherProcess a = DispatcherProcess.start("duo-a", table, queue, Map.of());
                DispatcherProcess b = DispatcherProcess.start("duo-b", table, queue, Map.of());
                Connection db = PlugSyncTestEngines.jdbc();
                ReplicaProbe probe = new ReplicaProbe(
                        engines.dynamo().endpoint(), engines.sqs().endpoint(), table)) {
            a.awaitReady(Duration.ofSeconds(90));
            b.awaitReady(Duration.ofSeconds(90));
            PublishFixture fixture = new PublishFixture(db);
            List<UUID> connectors = new ArrayList<>();
            for (int i = 0; i < CONNECTORS; i++) {
                connectors.add(fixture.newConnector());
            }
            RegressionMonitor monitor =
                    new RegressionMonitor("replica-monitor", () -> longs(probe.activeVersions(connectors)), 50);
            monitor.start();
            for (int version = 1; version <= VERSIONS; version++) {
                for (UUID connector : connectors) {
                    fixture.publish(connector, PublishFixture.document(version, "duo"));
                }
            }
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> pending(db, connectors) == 0);
            monitor.stop();

            assertThat(monitor.regressions).isEmpty();
            assertThat(dead(db, connectors)).isZero();
            assertThat(orderViolations(db, connectors)).isZero();
            Map<UUID, Integer> active = probe.activeVersions(connectors);
            connectors.forEach(c -> assertThat(active.get(c)).isEqualTo(VERSIONS));

            // one notification per delivered run (a version superseded within its run is not
            // announced): per connector (FIFO group) strictly increasing, ending at the newest
            Map<String, List<Integer>> notified = new ConcurrentHashMap<>();
            probe.drainQueue(queue)
                    .forEach(m -> notified.computeIfAbsent(m.groupId(), k -> new ArrayList<>())
                            .add(m.body().path("version").asInt()));
            for (UUID connector : connectors) {
                List<Integer> versions = notified.get(connector.toString());
                assertThat(versions).as("notifications of %s", connector).isNotEmpty();
                assertThat(versions)
                        .as("notifications of %s", connector)
                        .isSorted()
                        .doesNotHaveDuplicates()
                        .endsWith(VERSIONS);
            }
            String delivered = "plugsync_dispatcher_events_total{aggregate_type=\"" + OutboxContract.CONNECTOR
                    + "\",outcome=\"delivered\"";
            System.out.printf(
                    "two dispatchers: a delivered %.0f, b delivered %.0f events%n",
                    a.metricSum(delivered), b.metricSum(delivered));
        }
    }

    /** 200 publishes over ~50 s, so kills land while events are in line. */
    private static void publishSlowly(List<UUID> connectors, AtomicBoolean publishing, List<Throwable> errors) {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            PublishFixture fixture = new PublishFixture(db);
            for (int version = 1; version <= VERSIONS; version++) {
                for (UUID connector : connectors) {
                    fixture.publish(connector, PublishFixture.document(version, "crash"));
                    Thread.sleep(250);
                }
            }
        } catch (Throwable e) {
            errors.add(e);
        } finally {
            publishing.set(false);
        }
    }

    private static Map<UUID, Long> longs(Map<UUID, Integer> versions) {
        Map<UUID, Long> out = new java.util.HashMap<>();
        versions.forEach((id, v) -> out.put(id, v.longValue()));
        return out;
    }

    private static List<String> versionKeys() {
        List<String> keys = new ArrayList<>();
        versionNumbers().forEach(v -> keys.add(io.plugsync.common.replica.ReplicaLayout.versionSk(v)));
        return keys;
    }

    private static List<Integer> versionNumbers() {
        List<Integer> versions = new ArrayList<>();
        for (int v = 1; v <= VERSIONS; v++) {
            versions.add(v);
        }
        return Collections.unmodifiableList(versions);
    }

    private static long pending(Connection db, List<UUID> connectors) throws SQLException {
        return count(db, "delivered_at IS NULL AND dead_at IS NULL", connectors);
    }

    private static long dead(Connection db, List<UUID> connectors) throws SQLException {
        return count(db, "dead_at IS NOT NULL", connectors);
    }

    private static long delivered(Connection db, List<UUID> connectors) throws SQLException {
        return count(db, "delivered_at IS NOT NULL", connectors);
    }

    private static long count(Connection db, String condition, List<UUID> connectors) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM outbox_event WHERE aggregate_type = '"
                + OutboxContract.CONNECTOR + "' AND aggregate_id = ANY(?) AND " + condition)) {
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

    /** Events of one connector delivered earlier than an event with a lower seq. */
    private static long orderViolations(Connection db, List<UUID> connectors) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM (SELECT delivered_at, lag(delivered_at)"
                + " OVER (PARTITION BY aggregate_id ORDER BY seq) AS previous FROM outbox_event"
                + " WHERE aggregate_type = '" + OutboxContract.CONNECTOR + "' AND aggregate_id = ANY(?)) d"
                + " WHERE delivered_at < previous")) {
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
