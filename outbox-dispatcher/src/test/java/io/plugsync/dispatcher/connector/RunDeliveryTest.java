package io.plugsync.dispatcher.connector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.replica.DynamoConfigStore;
import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.dispatcher.outbox.OutboxDrainer;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.ManualDrain;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.dispatcher.support.PublishFixture.Published;
import io.plugsync.dispatcher.support.ReplicaProbe;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Several publishes of one connector in line are delivered as one run in one pass: every version
 * replicated, the pointer moved once to the newest, one notification. A failure inside a run ends
 * the delivered prefix precisely and leaves the rest in line.
 */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
@TestProfile(ManualDrain.class)
class RunDeliveryTest {
    @Inject
    OutboxDrainer drainer;

    @Inject
    DynamoDbAsyncClient dynamoAsync;

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
        // whatever earlier test classes left due in the shared outbox goes first
        for (int i = 0; i < 20 && pass() > 0; i++) {}
        probe.drainQueue(ManualDrain.QUEUE);
    }

    @AfterEach
    void tearDown() throws Exception {
        probe.close();
        db.close();
    }

    @Test
    void backlogOfOneConnectorIsDeliveredInOnePass() throws Exception {
        UUID connector = fixture.newConnector();
        // more versions than the handler reads and writes at once
        int versions = ConnectorVersionHandler.VERSIONS_AT_ONCE + 2;
        List<Published> published = new ArrayList<>();
        for (int v = 1; v <= versions; v++) {
            published.add(fixture.publish(connector, PublishFixture.document(v, "run")));
        }
        // rewrite the oldest rows as retries and holds do (a new value in an indexed column, so new
        // row versions after the others): storage order no longer follows seq
        try (PreparedStatement touch = db.prepareStatement(
                "UPDATE outbox_event SET next_attempt_at = next_attempt_at - interval '1 second' WHERE id = ?")) {
            for (Published p : published.subList(0, 2)) {
                touch.setObject(1, p.eventId());
                touch.executeUpdate();
            }
        }

        pass();

        List<Timestamp> deliveredAt = new ArrayList<>();
        for (Published p : published) {
            PublishFixture.Delivery delivery = fixture.delivery(p.eventId());
            assertThat(delivery.deliveredAt()).as("event of v%d", p.version()).isNotNull();
            assertThat(delivery.attempts()).isEqualTo(1);
            deliveredAt.add(delivery.deliveredAt());
            assertThat(store.version(connector, p.version())
                            .toCompletableFuture()
                            .join()
                            .orElseThrow()
                            .checksum())
                    .as("v%d readable by number", p.version())
                    .isEqualTo(p.checksum());
        }
        assertThat(deliveredAt)
                .as("no event of the run looks delivered before an earlier one")
                .isSorted();
        assertThat(probe.activeVersion(connector)).contains(versions);
        assertThat(store.active(connector)
                        .toCompletableFuture()
                        .join()
                        .orElseThrow()
                        .version())
                .isEqualTo(versions);
        Published newest = published.get(versions - 1);
        List<ReplicaProbe.Received> notified = notifications(connector);
        assertThat(notified).hasSize(1);
        assertThat(notified.get(0).body().path("version").asInt()).isEqualTo(versions);
        assertThat(notified.get(0).body().path("checksum").asText()).isEqualTo(newest.checksum());
        assertThat(notified.get(0).deduplicationId()).isEqualTo(newest.eventId().toString());
    }

    @Test
    void versionWithBadChecksumInARunIsParkedAndTheEventsAfterItStayInLine() throws Exception {
        UUID connector = fixture.newConnector();
        Published v1 = fixture.publish(connector, PublishFixture.document(1, "ok"));
        Published v2 = fixture.publish(connector, PublishFixture.document(2, "ok"));
        ObjectNode corrupt = PublishFixture.document(3, "corrupt");
        Published v3 = fixture.publishWithStoredChecksum(connector, corrupt, "0".repeat(64));
        Published v4 = fixture.publish(connector, PublishFixture.document(4, "ok"));
        Published v5 = fixture.publish(connector, PublishFixture.document(5, "ok"));
        Timestamp beforePass = now();

        pass();

        assertThat(fixture.delivery(v1.eventId()).deliveredAt()).isNotNull();
        assertThat(fixture.delivery(v2.eventId()).deliveredAt()).isNotNull();
        PublishFixture.Delivery parked = fixture.delivery(v3.eventId());
        assertThat(parked.deadAt()).isNotNull();
        assertThat(parked.deliveredAt()).isNull();
        assertThat(parked.attempts()).isEqualTo(1);
        assertThat(parked.lastError()).contains("does not match its checksum");
        assertUntouched(v4, beforePass);
        assertUntouched(v5, beforePass);
        assertThat(probe.activeVersion(connector)).contains(2);
        assertThat(probe.items(connector).keySet())
                .contains(ReplicaLayout.versionSk(1), ReplicaLayout.versionSk(2))
                .doesNotContain(ReplicaLayout.versionSk(3), ReplicaLayout.versionSk(4), ReplicaLayout.versionSk(5));
        assertThat(notifications(connector))
                .singleElement()
                .satisfies(m ->
                        assertThat(m.deduplicationId()).isEqualTo(v2.eventId().toString()));

        // the parked event no longer holds the line: the next pass delivers the rest as a run
        pass();

        assertThat(fixture.delivery(v4.eventId()).deliveredAt()).isNotNull();
        assertThat(fixture.delivery(v5.eventId()).deliveredAt()).isNotNull();
        assertThat(fixture.delivery(v3.eventId()).deliveredAt()).isNull();
        assertThat(probe.activeVersion(connector)).contains(5);
        assertThat(notifications(connector))
                .singleElement()
                .satisfies(m ->
                        assertThat(m.deduplicationId()).isEqualTo(v5.eventId().toString()));
    }

    @Test
    void failedWriteInARunIsRetriedWithBackoffAndTheEventsAfterItStayInLine() throws Exception {
        UUID connector = fixture.newConnector();
        // the failing version comes right after the first batch the handler reads and writes at once
        int failing = ConnectorVersionHandler.VERSIONS_AT_ONCE + 1;
        List<Published> published = new ArrayList<>();
        for (int v = 1; v <= failing + 1; v++) {
            published.add(fixture.publish(connector, PublishFixture.document(v, "ok")));
        }
        // the replica already holds other content under that version: its write must fail (and may
        // succeed later)
        probe.dynamo()
                .putItem(r -> r.tableName(ReplicaLayout.DEFAULT_TABLE)
                        .item(Map.of(
                                ReplicaLayout.PK, AttributeValue.fromS(connector.toString()),
                                ReplicaLayout.SK, AttributeValue.fromS(ReplicaLayout.versionSk(failing)),
                                ReplicaLayout.PAYLOAD_SHA256, AttributeValue.fromS("other content"),
                                ReplicaLayout.BODY, AttributeValue.fromB(SdkBytes.fromUtf8String("{}")))));
        Timestamp beforePass = now();

        pass();

        for (Published p : published.subList(0, failing - 1)) {
            assertThat(fixture.delivery(p.eventId()).deliveredAt())
                    .as("v%d", p.version())
                    .isNotNull();
        }
        Published failed = published.get(failing - 1);
        PublishFixture.Delivery delivery = fixture.delivery(failed.eventId());
        assertThat(delivery.deliveredAt()).isNull();
        assertThat(delivery.deadAt())
                .as("a write failure is retried, not parked")
                .isNull();
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastError()).contains("replica already holds different content");
        assertThat(nextAttemptAt(failed)).as("postponed by the backoff").isAfter(beforePass);
        assertUntouched(published.get(failing), beforePass);
        assertThat(probe.activeVersion(connector)).contains(failing - 1);
        assertThat(notifications(connector))
                .singleElement()
                .satisfies(m -> assertThat(m.body().path("version").asInt()).isEqualTo(failing - 1));
    }

    @Test
    void runSizesAreAMetric() throws Exception {
        UUID connector = fixture.newConnector();
        for (int v = 1; v <= 3; v++) {
            fixture.publish(connector, PublishFixture.document(v, "metric"));
        }

        pass();

        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("plugsync_dispatcher_run_size_events_bucket{le=\"5.0\"}"))
                .body(containsString("plugsync_dispatcher_run_size_events_count"));
    }

    /** Not delivered, not dead, no attempt counted, no error, not postponed: as it was published. */
    private void assertUntouched(Published p, Timestamp beforePass) throws Exception {
        PublishFixture.Delivery d = fixture.delivery(p.eventId());
        assertThat(d.deliveredAt()).as("v%d delivered", p.version()).isNull();
        assertThat(d.deadAt()).as("v%d dead", p.version()).isNull();
        assertThat(d.attempts()).as("v%d attempts", p.version()).isZero();
        assertThat(d.lastError()).as("v%d last error", p.version()).isNull();
        assertThat(nextAttemptAt(p)).as("v%d postponed", p.version()).isBefore(beforePass);
    }

    private Timestamp nextAttemptAt(Published p) throws Exception {
        try (PreparedStatement q = db.prepareStatement("SELECT next_attempt_at FROM outbox_event WHERE id = ?")) {
            q.setObject(1, p.eventId());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1);
            }
        }
    }

    private Timestamp now() throws Exception {
        try (PreparedStatement q = db.prepareStatement("SELECT clock_timestamp()");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    private List<ReplicaProbe.Received> notifications(UUID connector) {
        return probe.drainQueue(ManualDrain.QUEUE).stream()
                .filter(m -> m.groupId().equals(connector.toString()))
                .toList();
    }

    private int pass() {
        return drainer.drainOnce().await().atMost(Duration.ofSeconds(60));
    }
}
