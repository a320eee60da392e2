package io.plugsync.dispatcher.library;

import static org.awaitility.Awaitility.await;

import io.plugsync.common.delivery.LibraryReplicaItems;
import io.plugsync.common.delivery.LibraryReplicaLayout;
import io.plugsync.common.delivery.ResolvedPlugin;
import io.plugsync.common.library.ConfigObjectWriter;
import io.plugsync.common.library.PayloadCipher;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Library delivery benchmark (not a test; {@code bench/library-bench.sh}): a held-back backlog of
 * object edits, one per plugin, released at once, timed from release to its last delivery, against
 * a raw conditional PutItem loop of head-sized items on the same DynamoDB in the same run; then the
 * commit -> delivery lag at a steady edit rate. A delivery re-resolves its plugin from PostgreSQL
 * (a locked transaction, members' content opened and re-sealed), reads the replica's head, writes
 * the head and announces it on SQS, so it is more than one PutItem by design.
 */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
class LibraryBench {
    private static final int PLUGINS = Integer.getInteger("bench.plugins", 100);
    private static final int MEMBERS = 3;
    private static final int STEADY_RATE = Integer.getInteger("bench.rate", 20);
    private static final int STEADY_SECONDS = Integer.getInteger("bench.seconds", 20);

    @Inject
    Pool pool;

    @Inject
    ConfigObjectWriter writer;

    @Inject
    PayloadCipher cipher;

    @Inject
    DynamoDbAsyncClient dynamo;

    @Test
    void deliveryRateAndLag() throws Exception {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            LibraryFixture library = new LibraryFixture(db, pool, writer);
            UUID org = library.organisation();
            UUID author = library.member(org, "bench-" + UUID.randomUUID());
            List<UUID> firstObjects = new ArrayList<>();
            for (int p = 0; p < PLUGINS; p++) {
                UUID plugin = library.plugin(org, author, "Bench plugin " + p);
                for (int m = 0; m < MEMBERS; m++) {
                    UUID object = library.skillObject(org, author, name(p, m), body(0));
                    library.addMember(org, plugin, object);
                    if (m == 0) {
                        firstObjects.add(object);
                    }
                }
            }
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> library.pendingEvents() == 0);

            // the backlog: one edit per plugin, held back, released at once
            OffsetDateTime since = now(db);
            for (int p = 0; p < PLUGINS; p++) {
                library.editSkill(org, firstObjects.get(p), author, name(p, 0), body(1));
                hold(db, since);
            }
            double releasedAt = epoch(db, "SELECT EXTRACT(EPOCH FROM clock_timestamp())");
            int released;
            try (PreparedStatement release = db.prepareStatement("UPDATE outbox_event SET next_attempt_at = now()"
                    + " WHERE delivered_at IS NULL AND created_at >= ?")) {
                release.setObject(1, since);
                // the dispatcher may have taken a few edits before they were held back
                released = release.executeUpdate();
            }
            try (PreparedStatement wake = db.prepareStatement("NOTIFY plugsync_outbox, 'config_object'")) {
                wake.execute();
            }
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> library.pendingEvents() == 0);
            double lastAt = epoch(
                    db,
                    "SELECT EXTRACT(EPOCH FROM max(delivered_at)) FROM outbox_event WHERE created_at >= '" + since
                            + "'");
            double seconds = Math.max(lastAt - releasedAt, 0.001);
            double rate = released / seconds;
            double raw = rawPutRate(PLUGINS);
            System.out.printf(
                    "BENCH raw conditional PutItem loop (same DynamoDB, %d head-sized items): %.1f puts/s%n",
                    PLUGINS, raw);
            System.out.printf(
                    "BENCH library drain: %d released object edits -> as many plugin deliveries (%d members each),"
                            + " release -> last delivery %.2f s: %.1f deliveries/s (%d delivered before release)%n",
                    released, MEMBERS, seconds, rate, PLUGINS - released);
            System.out.printf("BENCH ratio library deliveries/raw puts: %.2fx%n", rate / raw);
            steadyLag(db, library, org, author, firstObjects);
        }
    }

    private void steadyLag(Connection db, LibraryFixture library, UUID org, UUID author, List<UUID> objects)
            throws Exception {
        OffsetDateTime since = now(db);
        long interval = 1_000_000_000L / STEADY_RATE;
        long next = System.nanoTime();
        int edits = STEADY_RATE * STEADY_SECONDS;
        for (int i = 0; i < edits; i++) {
            int p = i % objects.size();
            library.editSkill(org, objects.get(p), author, name(p, 0), body(i + 2));
            next += interval;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> library.pendingEvents() == 0);
        try (PreparedStatement q = db.prepareStatement("SELECT count(*),"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM delivered_at - created_at)),"
                + " percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM delivered_at - created_at))"
                + " FROM outbox_event WHERE aggregate_type = 'config_object' AND created_at >= ?")) {
            q.setObject(1, since);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                System.out.printf(
                        "BENCH library lag at %d edits/s for %d s (%d events): commit -> replica p50 %.0f ms,"
                                + " p99 %.0f ms%n",
                        STEADY_RATE, STEADY_SECONDS, rs.getLong(1), rs.getDouble(2) * 1000, rs.getDouble(3) * 1000);
            }
        }
    }

    /** Sequential conditional PutItems of a sealed head like the deliveries write, one client. */
    private double rawPutRate(int count) throws Exception {
        List<ResolvedPlugin.Member> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            members.add(new ResolvedPlugin.Member(
                    UUID.randomUUID(),
                    "skill",
                    name(0, m),
                    UUID.randomUUID(),
                    OffsetDateTime.now(),
                    "skills/" + name(0, m) + "/SKILL.md",
                    LibraryFixture.skill(name(0, m), body(1))));
        }
        UUID id = UUID.randomUUID();
        ResolvedPlugin plugin = new ResolvedPlugin(id, UUID.randomUUID(), "raw", null, "active", members);
        long t0 = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            int version = i;
            Map<String, AttributeValue> head =
                    LibraryReplicaItems.plugin(plugin, i, cipher).head();
            dynamo.putItem(r -> r.tableName(LibraryReplicaLayout.DEFAULT_TABLE)
                            .item(head)
                            .conditionExpression("attribute_not_exists(#sk) OR #v < :v")
                            .expressionAttributeNames(
                                    Map.of("#sk", LibraryReplicaLayout.SK, "#v", LibraryReplicaLayout.VERSION))
                            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Integer.toString(version)))))
                    .get();
        }
        return count / ((System.nanoTime() - t0) / 1e9);
    }

    private static void hold(Connection db, OffsetDateTime since) throws SQLException {
        try (PreparedStatement hold = db.prepareStatement("UPDATE outbox_event SET next_attempt_at = now()"
                + " + interval '1 hour' WHERE delivered_at IS NULL AND created_at >= ?")) {
            hold.setObject(1, since);
            hold.executeUpdate();
        }
    }

    private static String name(int plugin, int member) {
        return "bench-" + plugin + "-" + member;
    }

    private static String body(int revision) {
        return "Revision " + revision + ". " + "Instructions for the agent. ".repeat(20);
    }

    private static OffsetDateTime now(Connection db) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT clock_timestamp()");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    private static double epoch(Connection db, String sql) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql);
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
