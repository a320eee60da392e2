package io.plugsync.dispatcher.bench;

import static org.awaitility.Awaitility.await;

import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.dispatcher.support.ReplicaProbe;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Benchmark, not a test (not picked up by Surefire's default includes): run with
 * bench/dispatcher-bench.sh. Prints BENCH lines: drain rate next to a raw conditional PutItem loop
 * against the same DynamoDB in the same run, and commit -> replica lag at a steady publish rate.
 */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
@TestProfile(DispatcherBench.CountRequests.class)
class DispatcherBench {
    /** Counts the dispatcher's AWS requests ({@link RequestCounter}); nothing else differs from the tests. */
    public static class CountRequests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.dynamodb.interceptors", RequestCounter.class.getName(),
                    "quarkus.sqs.interceptors", RequestCounter.class.getName());
        }
    }

    private static final int BACKLOG_CONNECTORS = 50;
    private static final int BACKLOG_VERSIONS = 20;
    private static final int STEADY_RATE = Integer.getInteger("bench.rate", 50);
    private static final int STEADY_SECONDS = Integer.getInteger("bench.seconds", 30);

    @Test
    void drainRateAndLag() throws Exception {
        var engines = PlugSyncTestEngines.engines();
        try (Connection db = PlugSyncTestEngines.jdbc();
                ReplicaProbe probe = new ReplicaProbe(
                        engines.dynamo().endpoint(), engines.sqs().endpoint(), ReplicaLayout.DEFAULT_TABLE)) {
            PublishFixture fixture = new PublishFixture(db);
            warmUp(fixture);
            int events = BACKLOG_CONNECTORS * BACKLOG_VERSIONS;
            Map<String, Long> requestsBefore = RequestCounter.snapshot();
            Drain drain = drainRate(db, fixture);
            Map<String, Long> dynamoRequests = RequestCounter.since(requestsBefore, "DynamoDB");
            // the test's worker consumer shares the SQS client: count only what the dispatcher sends
            Map<String, Long> sqsRequests = new java.util.TreeMap<>(RequestCounter.since(requestsBefore, "Sqs"));
            sqsRequests.keySet().removeIf(operation -> !operation.startsWith("Send"));
            double raw = rawPutRate(probe, events);
            System.out.printf(
                    "BENCH raw conditional PutItem loop (same DynamoDB, %d items): %.1f puts/s%n", events, raw);
            // Timed from the release of the held-back backlog to its last delivery. (first -> last
            // delivered_at is no rate: a pass records all its deliveries with one timestamp, and events
            // delivered while the backlog was being published start that clock early.)
            System.out.printf(
                    "BENCH drain: %d released events (%d connectors x %d versions), release -> last delivery"
                            + " %.2f s: %.1f events/s (%d delivered early, while publishing)%n",
                    drain.released(),
                    BACKLOG_CONNECTORS,
                    BACKLOG_VERSIONS,
                    drain.wallSeconds(),
                    drain.wallRate(),
                    drain.early());
            System.out.printf("BENCH ratio drain/raw: %.2fx (target >= 0.8x)%n", drain.wallRate() / raw);
            long dynamo =
                    dynamoRequests.values().stream().mapToLong(Long::longValue).sum();
            long sqs = sqsRequests.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(
                    "BENCH drain requests per event: DynamoDB %.2f %s, SQS %.2f %s%n",
                    (double) dynamo / events, dynamoRequests, (double) sqs / events, sqsRequests);
            steadyLag(db, fixture);
        }
    }

    private void warmUp(PublishFixture fixture) throws Exception {
        UUID connector = fixture.newConnector();
        PublishFixture.Published last = null;
        for (int v = 1; v <= 20; v++) {
            last = fixture.publish(connector, PublishFixture.document(v, "warm"));
        }
        UUID id = last.eventId();
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.delivery(id).deliveredAt() != null);
    }

    /** The released backlog and the time from its release to its last delivery. */
    record Drain(int released, double wallSeconds, long early) {
        double wallRate() {
            return released / Math.max(wallSeconds, 0.001);
        }
    }

    /**
     * A backlog held back with next_attempt_at, released at once (with the NOTIFY that a commit of new
     * events sends, so the dispatcher starts as it would on a fresh backlog rather than on its poll).
     */
    private Drain drainRate(Connection db, PublishFixture fixture) throws Exception {
        List<UUID> connectors = new ArrayList<>();
        for (int i = 0; i < BACKLOG_CONNECTORS; i++) {
            connectors.add(fixture.newConnector());
        }
        List<UUID> eventIds = new ArrayList<>();
        try (PreparedStatement hold = db.prepareStatement(
                "UPDATE outbox_event SET next_attempt_at = now() + interval '1 hour' WHERE id = ?")) {
            for (int v = 1; v <= BACKLOG_VERSIONS; v++) {
                for (UUID connector : connectors) {
                    PublishFixture.Published p = fixture.publish(connector, PublishFixture.document(v, "drain"));
                    // the dispatcher may already have taken a few; hold back the rest
                    hold.setObject(1, p.eventId());
                    hold.executeUpdate();
                    eventIds.add(p.eventId());
                }
            }
        }
        String ids = ids(eventIds);
        long early = scalar(
                db, "SELECT count(*) FROM outbox_event WHERE delivered_at IS NOT NULL AND id = ANY(" + ids + ")");
        double releasedAt = scalarDouble(db, "SELECT EXTRACT(EPOCH FROM clock_timestamp())");
        try (PreparedStatement release = db.prepareStatement(
                "UPDATE outbox_event SET next_attempt_at = now() WHERE delivered_at IS NULL AND id = ANY(" + ids
                        + ")")) {
            release.executeUpdate();
        }
        try (PreparedStatement wake =
                db.prepareStatement("NOTIFY plugsync_outbox, '" + OutboxContract.CONNECTOR + "'")) {
            wake.execute();
        }
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> scalar(
                                db,
                                "SELECT count(*) FROM outbox_event WHERE delivered_at IS NULL AND id = ANY(" + ids
                                        + ")")
                        == 0);
        double lastAt = scalarDouble(
                db, "SELECT EXTRACT(EPOCH FROM max(delivered_at)) FROM outbox_event WHERE id = ANY(" + ids + ")");
        return new Drain((int) (eventIds.size() - early), lastAt - releasedAt, early);
    }

    /** Sequential conditional PutItems, the shape of the pointer write, one client, no parallelism. */
    private double rawPutRate(ReplicaProbe probe, int count) {
        String pk = "bench-" + UUID.randomUUID();
        long t0 = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            String version = Integer.toString(i);
            String sk = "raw#" + (i % BACKLOG_CONNECTORS);
            try {
                probe.dynamo()
                        .putItem(r -> r.tableName(ReplicaLayout.DEFAULT_TABLE)
                                .item(Map.of(
                                        ReplicaLayout.PK, AttributeValue.fromS(pk),
                                        ReplicaLayout.SK, AttributeValue.fromS(sk),
                                        ReplicaLayout.VERSION, AttributeValue.fromN(version)))
                                .conditionExpression("attribute_not_exists(#sk) OR #v < :v")
                                .expressionAttributeNames(Map.of("#sk", ReplicaLayout.SK, "#v", ReplicaLayout.VERSION))
                                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(version))));
            } catch (ConditionalCheckFailedException e) {
                // counts as a write attempt all the same
            }
        }
        return count / ((System.nanoTime() - t0) / 1e9);
    }

    /** Publishes at a fixed rate; lag = delivered_at - created_at of each event. */
    private void steadyLag(Connection db, PublishFixture fixture) throws Exception {
        List<UUID> connectors = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            connectors.add(fixture.newConnector());
        }
        int total = STEADY_RATE * STEADY_SECONDS;
        long intervalNanos = 1_000_000_000L / STEADY_RATE;
        List<UUID> eventIds = new ArrayList<>();
        long start = System.nanoTime();
        int[] versions = new int[connectors.size()];
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int c = i % connectors.size();
            versions[c]++;
            eventIds.add(fixture.publish(connectors.get(c), PublishFixture.document(versions[c], "steady"))
                    .eventId());
        }
        double achieved = total / ((System.nanoTime() - start) / 1e9);
        String ids = ids(eventIds);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> scalar(
                                db,
                                "SELECT count(*) FROM outbox_event WHERE delivered_at IS NULL AND id = ANY(" + ids
                                        + ")")
                        == 0);
        double[] lags = new double[total];
        try (PreparedStatement q = db.prepareStatement("SELECT EXTRACT(EPOCH FROM delivered_at - created_at) * 1000"
                        + " FROM outbox_event WHERE id = ANY(" + ids + ")");
                ResultSet rs = q.executeQuery()) {
            int i = 0;
            while (rs.next()) {
                lags[i++] = rs.getDouble(1);
            }
        }
        Arrays.sort(lags);
        System.out.printf(
                "BENCH steady %d publishes at %.1f/s (target %d/s): commit->replica lag p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms (target p99 <= 250 ms)%n",
                total, achieved, STEADY_RATE, percentile(lags, 0.50), percentile(lags, 0.99), lags[lags.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private static String ids(List<UUID> ids) {
        StringBuilder sb = new StringBuilder("ARRAY[");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('\'').append(ids.get(i)).append("'::uuid");
        }
        return sb.append(']').toString();
    }

    private static long scalar(Connection db, String sql) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql);
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double scalarDouble(Connection db, String sql) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql);
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
