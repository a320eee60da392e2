package io.plugsync.dispatcher.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plugsync.common.outbox.ChangeKind;
import io.plugsync.common.outbox.ConfigObjectVersionCreated;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.common.outbox.PluginMembershipChanged;
import io.plugsync.common.outbox.PluginReleaseCreated;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Library events about things PostgreSQL does not hold (or no longer holds) are delivered as no-ops,
 * never parked dead; a malformed one is parked dead with its reason. What deliveries write is {@link
 * LibraryDeliveryTest}'s.
 */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
class LibraryEventsTest {
    Connection db;
    PublishFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        db = PlugSyncTestEngines.jdbc();
        fixture = new PublishFixture(db);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void eventsAboutUnknownObjectsAndPluginsAreDeliveredAsNoOps() throws Exception {
        UUID org = UUID.randomUUID();
        UUID object = UUID.randomUUID();
        UUID plugin = UUID.randomUUID();
        List<UUID> events = List.of(
                fixture.event(new ConfigObjectVersionCreated(org, object, UUID.randomUUID(), "skill", false)),
                fixture.event(new PluginMembershipChanged(org, plugin, object, ChangeKind.ADDED)),
                fixture.event(new PluginReleaseCreated(org, plugin, UUID.randomUUID(), 1)),
                fixture.event(new PluginMembershipChanged(org, plugin, object, ChangeKind.REMOVED)));
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(events));
        for (UUID event : events) {
            assertThat(fixture.delivery(event).deadAt()).isNull();
        }
    }

    @Test
    void aMalformedLibraryEventIsParkedDeadWithTheReason() throws Exception {
        UUID event = fixture.rawEvent(
                OutboxContract.CONFIG_OBJECT,
                UUID.randomUUID().toString(),
                OutboxContract.CONFIG_OBJECT_VERSION_CREATED.name(),
                "{\"config_object_id\": \"not-a-uuid\"}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fixture.delivery(event).deadAt() != null);
        assertThat(fixture.delivery(event).lastError()).contains("malformed");
        assertThat(fixture.delivery(event).deliveredAt()).isNull();
    }

    private boolean delivered(List<UUID> events) throws Exception {
        for (UUID event : events) {
            if (fixture.delivery(event).deliveredAt() == null) {
                return false;
            }
        }
        return true;
    }
}
