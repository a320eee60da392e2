package io.plugsync.ingest.sync;

import static io.plugsync.ingest.support.IngestFixtures.count;
import static io.plugsync.ingest.support.IngestFixtures.rows;
import static io.plugsync.ingest.support.IngestFixtures.scalar;
import static io.plugsync.ingest.support.Skills.skill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.IngestFixtures;
import io.plugsync.ingest.support.IngestFixtures.Connector;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scheduler itself, not a direct call: with the head check and the worker switched on (every
 * second), pushes whose webhooks never arrive are synced without anything in the test calling the
 * job or the worker.
 */
@QuarkusTest
@TestProfile(ScheduledReconcileTest.SchedulersOn.class)
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class ScheduledReconcileTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    /** Head check and worker on, every second; the test profile switches both off. */
    public static class SchedulersOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the %test-prefixed keys of application.properties would win over plain overrides
            return Map.of(
                    "%test.plugsync.ingest.reconcile.enabled", "true",
                    "%test.plugsync.ingest.worker.enabled", "true",
                    "plugsync.ingest.reconcile.every", "1s",
                    "plugsync.ingest.reconcile.initial-delay", "1s",
                    "plugsync.ingest.worker.poll-every", "1s");
        }
    }

    @Test
    void droppedPushesAreSyncedByTheScheduledHeadCheckAlone() {
        FakeRepo repo = new FakeRepo("acme", "scheduled-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "skills/**", "skill", null);

        // the branch moves and no delivery is sent
        String first = repo.put("skills/one/SKILL.md", skill("one", "first")).commit();
        awaitSyncedAt(c, first);
        assertThat(liveObjects(c)).isEqualTo(1);

        // a second dropped push: the next periods repair it too
        String second = repo.put("skills/two/SKILL.md", skill("two", "second")).commit();
        awaitSyncedAt(c, second);
        assertThat(liveObjects(c)).isEqualTo(2);

        List<List<Object>> events = rows(
                "SELECT event_type, source_revision_ref, status FROM connector_sync_event"
                        + " WHERE connector_target_id = ? ORDER BY started_at",
                c.targetId());
        assertThat(events)
                .containsExactly(List.of("reconcile", first, "completed"), List.of("reconcile", second, "completed"));
        assertThat(count(
                        "SELECT count(*) FROM github_webhook_delivery d JOIN connector_sync_event e"
                                + " ON e.id = d.sync_event_id WHERE e.connector_target_id = ?",
                        c.targetId()))
                .isZero();
    }

    private static void awaitSyncedAt(Connector c, String head) {
        await().atMost(BOUND)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> head.equals(
                        scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId())));
    }

    private static long liveObjects(Connector c) {
        return count(
                "SELECT count(*) FROM connector_source_binding WHERE connector_target_id = ? AND status = 'active'",
                c.targetId());
    }
}
