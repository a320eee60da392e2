package io.plugsync.dispatcher.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plugsync.common.delivery.DeliveredPlugin;
import io.plugsync.common.delivery.DynamoPluginStore;
import io.plugsync.common.library.ConfigObjectWriter;
import io.plugsync.common.library.ConfigObjects;
import io.plugsync.common.library.PayloadCipher;
import io.plugsync.common.library.VersionSealer;
import io.plugsync.dispatcher.support.DispatcherProcess;
import io.plugsync.dispatcher.support.RegressionMonitor;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.engines.PostgresEngine;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The packaged dispatcher SIGKILLed at random points while library writes (edits, archive and
 * restore, membership and grant changes) stream in: afterwards every plugin's delivered checksum is
 * what PostgreSQL resolves, every member's entitlement is what the grants say, nothing is dead, and
 * no plugin's delivery version was ever seen going backwards.
 */
class LibraryCrashIT {
    private static final int PLUGINS = 4;
    private static final int OBJECTS = 12;
    private static final int WRITES = 160;
    private static final String TABLE = "crash_library";

    @Test
    void sigkilledDispatcherDeliversEveryLibraryChangeAndNeverGoesBack() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("library crash test seed " + seed);
        Map<String, String> extra = Map.of(
                "plugsync.dispatcher.library.table", TABLE, "plugsync.dispatcher.library.queue", "crash-library.fifo");
        // every process started is stopped at the end, whatever fails on the way (a SIGKILLed one too)
        List<DispatcherProcess> started = new ArrayList<>();
        DispatcherProcess first =
                DispatcherProcess.start("library-crash-0", "library_crash_connectors", "lcc.fifo", extra);
        started.add(first);
        PayloadCipher cipher = cipher();
        Pool pool = pool();
        try (Connection db = PlugSyncTestEngines.jdbc();
                DynamoDbAsyncClient dynamo = dynamo()) {
            first.awaitReady(Duration.ofSeconds(90));
            LibraryFixture library = new LibraryFixture(db, pool, new ConfigObjectWriter(cipher));
            DynamoPluginStore store = new DynamoPluginStore(dynamo, TABLE, cipher, 0);
            UUID org = library.organisation();
            List<UUID> members = List.of(
                    library.member(org, "crash-a-" + UUID.randomUUID()),
                    library.member(org, "crash-b-" + UUID.randomUUID()),
                    library.member(org, "crash-c-" + UUID.randomUUID()));
            List<UUID> objects = new ArrayList<>();
            for (int i = 0; i < OBJECTS; i++) {
                objects.add(library.skillObject(org, members.get(0), "crash-skill-" + i, "v0"));
            }
            List<UUID> plugins = new ArrayList<>();
            for (int i = 0; i < PLUGINS; i++) {
                plugins.add(library.plugin(org, members.get(0), "Crash plugin " + i));
            }

            AtomicBoolean writing = new AtomicBoolean(true);
            List<Throwable> writerErrors = new CopyOnWriteArrayList<>();
            Thread writer = new Thread(
                    () -> writeSlowly(
                            library, org, members, objects, plugins, new Random(seed + 1), writing, writerErrors),
                    "library-writer");
            RegressionMonitor monitor =
                    new RegressionMonitor("library-version-monitor", () -> versions(store, plugins), 100);
            monitor.start();
            writer.start();

            DispatcherProcess current = first;
            int kills = 0;
            while (kills < 8 || writing.get()) {
                Thread.sleep(500 + random.nextInt(3500));
                current.kill();
                kills++;
                current = DispatcherProcess.start(
                        "library-crash-" + kills, "library_crash_connectors", "lcc.fifo", extra);
                started.add(current);
            }
            writer.join();
            assertThat(writerErrors).isEmpty();
            try (DispatcherProcess last = current) {
                last.awaitReady(Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> library.pendingEvents() == 0);
                monitor.stop();
                System.out.printf("library crash test: %d SIGKILLs, %d samples%n", kills, monitor.samples.get());
                assertThat(monitor.regressions)
                        .as("a delivery version went backwards")
                        .isEmpty();
                assertThat(monitor.samples.get()).isGreaterThan(50);
                assertThat(deadLibraryEvents(db, org)).isZero();

                LibrarySource source = new LibrarySource(new VersionSealer(cipher));
                for (UUID plugin : plugins) {
                    String expected = source.plugin(pool, plugin)
                            .await()
                            .indefinitely()
                            .orElseThrow()
                            .checksum();
                    Optional<DeliveredPlugin> delivered =
                            store.plugin(plugin).toCompletableFuture().get();
                    assertThat(delivered).as("plugin %s delivered", plugin).isPresent();
                    assertThat(delivered.get().checksum())
                            .as("plugin %s as PostgreSQL resolves it", plugin)
                            .isEqualTo(expected);
                }
                for (UUID member : members) {
                    assertThat(store.entitlement(org, member)
                                    .toCompletableFuture()
                                    .get())
                            .as("entitlement of %s", member)
                            .containsExactlyInAnyOrderElementsOf(granted(db, org, member));
                }
            }
        } finally {
            started.forEach(DispatcherProcess::close);
            pool.closeAndAwait();
        }
    }

    /** ~160 random library writes over ~40 s, so kills land while deliveries are in flight. */
    private static void writeSlowly(
            LibraryFixture library,
            UUID org,
            List<UUID> members,
            List<UUID> objects,
            List<UUID> plugins,
            Random random,
            AtomicBoolean writing,
            List<Throwable> errors) {
        Map<UUID, UUID> grants = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < WRITES; i++) {
                UUID object = objects.get(random.nextInt(objects.size()));
                UUID plugin = plugins.get(random.nextInt(plugins.size()));
                UUID member = members.get(1 + random.nextInt(members.size() - 1));
                switch (random.nextInt(6)) {
                    case 0, 1 ->
                        library.editSkill(
                                org, object, members.get(0), "crash-skill-" + objects.indexOf(object), "v" + i);
                    case 2 -> library.addMember(org, plugin, object);
                    case 3 -> library.removeMember(org, plugin, object);
                    case 4 ->
                        library.setStatus(
                                object,
                                random.nextBoolean() ? ConfigObjects.Status.ARCHIVED : ConfigObjects.Status.ACTIVE);
                    default -> {
                        UUID key = UUID.nameUUIDFromBytes((plugin + "/" + member).getBytes());
                        UUID existing = grants.remove(key);
                        if (existing != null) {
                            library.revoke(org, plugin, existing);
                        } else {
                            grants.put(key, library.grant(org, plugin, member, null, false));
                        }
                    }
                }
                Thread.sleep(250);
            }
        } catch (Throwable e) {
            errors.add(e);
        } finally {
            writing.set(false);
        }
    }

    /** The plugins a member may use by the grants in PostgreSQL (direct grants and plugins it created). */
    private static Set<UUID> granted(Connection db, UUID org, UUID member) throws SQLException {
        Set<UUID> out = new HashSet<>();
        try (PreparedStatement q = db.prepareStatement("SELECT p.id FROM plugin p WHERE p.organization_id = ?"
                + " AND p.status <> 'deleted' AND (p.created_by_org_membership_id = ? OR EXISTS (SELECT 1"
                + " FROM plugin_access_grant g WHERE g.plugin_id = p.id AND g.org_membership_id = ?"
                + " AND g.removed_at IS NULL))")) {
            q.setObject(1, org);
            q.setObject(2, member);
            q.setObject(3, member);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return out;
    }

    private static long deadLibraryEvents(Connection db, UUID org) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM outbox_event WHERE dead_at IS NOT NULL"
                + " AND payload->>'organization_id' = ?")) {
            q.setString(1, org.toString());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<UUID, Long> versions(DynamoPluginStore store, List<UUID> plugins) throws Exception {
        Map<UUID, Long> out = new java.util.HashMap<>();
        for (UUID plugin : plugins) {
            store.plugin(plugin).toCompletableFuture().get().ifPresent(p -> out.put(plugin, p.version()));
        }
        return out;
    }

    private static PayloadCipher cipher() {
        Map<String, String> config = PlugSyncTestEngines.encryptionConfig();
        return PayloadCipher.fromBase64Keys(
                config.get("plugsync.encryption.active-key-id"),
                Map.of("test-1", config.get("plugsync.encryption.keys.\"test-1\"")));
    }

    private static Pool pool() {
        return Pool.pool(
                new PgConnectOptions()
                        .setHost("127.0.0.1")
                        .setPort(PlugSyncTestEngines.engines().postgres().port())
                        .setDatabase(PostgresEngine.DATABASE)
                        .setUser(PostgresEngine.USER)
                        .setPassword(PostgresEngine.PASSWORD),
                new PoolOptions().setMaxSize(4));
    }

    private static DynamoDbAsyncClient dynamo() {
        return DynamoDbAsyncClient.builder()
                .endpointOverride(
                        URI.create(PlugSyncTestEngines.engines().dynamo().endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .build();
    }
}
