package io.plugsync.dispatcher.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.outbox.ConnectorVersionPublished;
import io.plugsync.common.replica.ConfigChangeNotification;
import io.plugsync.common.replica.DynamoConfigStore;
import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.common.replica.ReplicatedConfig;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.dispatcher.support.PublishFixture.Published;
import io.plugsync.dispatcher.support.ReplicaProbe;
import io.plugsync.dispatcher.worker.WorkerConfigCache;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** A connector publish reaches the DynamoDB replica (read through DynamoConfigStore) and the queue. */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
class ConnectorDeliveryTest {
    @Inject
    DynamoDbAsyncClient dynamoAsync;

    @Inject
    WorkerConfigCache worker;

    Connection db;
    PublishFixture fixture;
    ReplicaProbe probe;
    DynamoConfigStore store;

    @BeforeEach
    void setUp() throws Exception {
        db = PlugSyncTestEngines.jdbc();
        fixture = new PublishFixture(db);
        probe = ReplicaProbe.ofTestEngines();
        store = new DynamoConfigStore(dynamoAsync, ReplicaLayout.DEFAULT_TABLE);
    }

    @AfterEach
    void tearDown() throws Exception {
        probe.close();
        db.close();
    }

    @Test
    void publishReachesReplicaAndQueue() throws Exception {
        UUID connector = fixture.newConnector();
        ObjectNode document = PublishFixture.document(1, "first");
        Published published = fixture.publish(connector, document);
        awaitDelivered(published);

        ReplicatedConfig active =
                store.active(connector).toCompletableFuture().join().orElseThrow();
        assertThat(active.version()).isEqualTo(1);
        assertThat(active.checksum()).isEqualTo(CanonicalJson.sha256(document));
        assertThat(active.documentBytes()).isEqualTo(CanonicalJson.bytes(document));
        assertThat(active.manifests()).containsOnlyKeys("hubspot/contact.created");
        assertThat(active.manifests().get("hubspot/contact.created").eventType())
                .isEqualTo("contact.created");
        // the connector id is a plain string attribute of every item
        assertThat(probe.items(connector).values())
                .allSatisfy(item -> assertThat(item.get(ReplicaLayout.PK).s()).isEqualTo(connector.toString()));

        // the worker-side SmallRye consumer got the pointer (never the document)
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        worker.received().contains(new ConfigChangeNotification(connector, 1, published.checksum())));
    }

    @Test
    void replayedEventChangesNothing() throws Exception {
        UUID connector = fixture.newConnector();
        Published v1 = fixture.publish(connector, PublishFixture.document(1, "a"));
        Published v2 = fixture.publish(connector, PublishFixture.document(2, "b"));
        awaitDelivered(v2);
        var before = probe.items(connector);

        try (var replay = db.prepareStatement("UPDATE outbox_event SET delivered_at = NULL WHERE id IN (?, ?)")) {
            replay.setObject(1, v1.eventId());
            replay.setObject(2, v2.eventId());
            replay.executeUpdate();
        }
        awaitDelivered(v1);
        awaitDelivered(v2);

        assertThat(probe.items(connector)).isEqualTo(before);
        assertThat(probe.activeVersion(connector)).contains(2);
    }

    @Test
    void staleEventNeverMovesPointerBack() throws Exception {
        UUID connector = fixture.newConnector();
        Published v1 = fixture.publish(connector, PublishFixture.document(1, "a"));
        Published v2 = fixture.publish(connector, PublishFixture.document(2, "b"));
        awaitDelivered(v2);

        // an event for version 1 arriving after version 2 (e.g. a manual replay)
        UUID stale = fixture.event(new ConnectorVersionPublished(
                connector, fixture.organizationOf(connector), 1, v1.checksum(), OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fixture.delivery(stale).deliveredAt() != null);

        assertThat(probe.activeVersion(connector)).contains(2);
        assertThat(store.active(connector)
                        .toCompletableFuture()
                        .join()
                        .orElseThrow()
                        .version())
                .isEqualTo(2);
        assertThat(store.version(connector, 1)
                        .toCompletableFuture()
                        .join()
                        .orElseThrow()
                        .checksum())
                .isEqualTo(v1.checksum());
    }

    @Test
    void megabyteDocumentRoundTripsByteIdentical() throws Exception {
        UUID connector = fixture.newConnector();
        ObjectNode document = PublishFixture.document(1, "big");
        document.with("settings").put("blob", randomText(1_100_000, 20261125L));
        assertThat(CanonicalJson.bytes(document).length).isGreaterThan(1_000_000);
        Published published = fixture.publish(connector, document);
        awaitDelivered(published);

        assertThat(probe.items(connector).keySet())
                .as("gzip alone cannot fit random text in one item, so the body is chunked")
                .anyMatch(sk -> sk.startsWith(ReplicaLayout.chunkPrefix(1)));
        DynamoConfigStore fresh = new DynamoConfigStore(dynamoAsync, ReplicaLayout.DEFAULT_TABLE);
        ReplicatedConfig read =
                fresh.active(connector).toCompletableFuture().join().orElseThrow();
        assertThat(read.documentBytes()).isEqualTo(CanonicalJson.bytes(document));
        assertThat(CanonicalJson.sha256(read.documentBytes())).isEqualTo(published.checksum());
    }

    @Test
    void workerCacheFollowsSqsNotifications() throws Exception {
        UUID connector = fixture.newConnector();
        awaitDelivered(fixture.publish(connector, PublishFixture.document(1, "a")));
        // the worker's store caches the active pointer for an hour
        assertThat(worker.store()
                        .active(connector)
                        .toCompletableFuture()
                        .join()
                        .orElseThrow()
                        .version())
                .isEqualTo(1);

        Published v2 = fixture.publish(connector, PublishFixture.document(2, "b"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> worker.received().contains(new ConfigChangeNotification(connector, 2, v2.checksum())));
        assertThat(worker.store()
                        .active(connector)
                        .toCompletableFuture()
                        .join()
                        .orElseThrow()
                        .version())
                .isEqualTo(2);
    }

    @Test
    void cachedPointerStaysUntilNotifiedOrExpired() throws Exception {
        UUID connector = fixture.newConnector();
        awaitDelivered(fixture.publish(connector, PublishFixture.document(1, "a")));
        DynamoConfigStore cached = new DynamoConfigStore(
                dynamoAsync, ReplicaLayout.DEFAULT_TABLE, Duration.ofHours(1), 16, java.time.Clock.systemUTC());
        assertThat(cached.active(connector)
                        .toCompletableFuture()
                        .join()
                        .orElseThrow()
                        .version())
                .isEqualTo(1);

        Published v2 = fixture.publish(connector, PublishFixture.document(2, "b"));
        awaitDelivered(v2);
        assertThat(cached.active(connector)
                        .toCompletableFuture()
                        .join()
                        .orElseThrow()
                        .version())
                .isEqualTo(1);
        cached.onNotification(new ConfigChangeNotification(connector, 1, "stale"));
        assertThat(cached.active(connector)
                        .toCompletableFuture()
                        .join()
                        .orElseThrow()
                        .version())
                .isEqualTo(1);
        cached.onNotification(new ConfigChangeNotification(connector, 2, v2.checksum()));
        assertThat(cached.active(connector)
                        .toCompletableFuture()
                        .join()
                        .orElseThrow()
                        .version())
                .isEqualTo(2);
    }

    @Test
    void missingConnectorIsEmpty() {
        assertThat(store.active(UUID.randomUUID()).toCompletableFuture().join()).isEmpty();
        assertThat(store.version(UUID.randomUUID(), 3).toCompletableFuture().join())
                .isEmpty();
    }

    private void awaitDelivered(Published published) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> fixture.delivery(published.eventId()).deliveredAt() != null);
    }

    static String randomText(int size, long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('!' + random.nextInt(90));
        }
        String s = new String(bytes, StandardCharsets.US_ASCII);
        return s.replace("\\", "/").replace("\"", "'");
    }
}
