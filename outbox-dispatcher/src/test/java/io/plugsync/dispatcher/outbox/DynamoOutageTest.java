package io.plugsync.dispatcher.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plugsync.common.replica.DynamoConfigStore;
import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.dispatcher.support.PublishFixture.Published;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * DynamoDB goes away while publishes commit: events fail and are tried again every few seconds
 * without counting attempts, nothing is parked dead, and everything drains once DynamoDB is back on
 * the same port. The restarted emulator is
 * empty (in memory), so the dispatcher also re-creates its table.
 */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
class DynamoOutageTest {
    @Inject
    DynamoDbAsyncClient dynamoAsync;

    @Test
    void eventsRetryDuringOutageAndDrainAfterIt() throws Exception {
        var engines = PlugSyncTestEngines.engines();
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            PublishFixture fixture = new PublishFixture(db);
            List<UUID> connectors = List.of(fixture.newConnector(), fixture.newConnector());
            engines.stopDynamo();
            List<Published> published = new ArrayList<>();
            try {
                for (int version = 1; version <= 3; version++) {
                    for (UUID connector : connectors) {
                        published.add(fixture.publish(connector, PublishFixture.document(version, "outage")));
                    }
                }
                Published head = published.get(0);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> fixture.delivery(head.eventId()).lastError() != null);
                // an outage is not the event's fault: tried again every few seconds, no attempt
                // counted (so no backoff to minutes, and nothing parked dead however long it lasts)
                Thread.sleep(6_000);
                PublishFixture.Delivery failing = fixture.delivery(head.eventId());
                assertThat(failing.deliveredAt()).isNull();
                assertThat(failing.deadAt()).isNull();
                assertThat(failing.lastError()).contains("Connection refused");
                assertThat(failing.attempts()).isZero();
            } finally {
                engines.startDynamo();
            }

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> published.stream().allMatch(p -> {
                        try {
                            return fixture.delivery(p.eventId()).deliveredAt() != null;
                        } catch (Exception e) {
                            return false;
                        }
                    }));
            for (Published p : published) {
                assertThat(fixture.delivery(p.eventId()).deadAt()).isNull();
            }
            DynamoConfigStore store = new DynamoConfigStore(dynamoAsync, ReplicaLayout.DEFAULT_TABLE);
            for (UUID connector : connectors) {
                var active =
                        store.active(connector).toCompletableFuture().join().orElseThrow();
                assertThat(active.version()).isEqualTo(3);
                assertThat(active.document().path("settings").path("version").asInt())
                        .isEqualTo(3);
            }
        }
    }
}
