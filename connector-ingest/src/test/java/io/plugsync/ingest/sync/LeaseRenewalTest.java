package io.plugsync.ingest.sync;

import static io.plugsync.ingest.support.IngestFixtures.execute;
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
import io.plugsync.ingest.support.Webhooks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Leases of running syncs with the worker on (short leases here): a sync whose replica died (a
 * lease nobody renews) is re-queued within about a lease and completed by a live worker, a sync a
 * live worker is still busy with keeps its lease however long it takes, and a sync a worker gives
 * back (its outcome could not be recorded) is queued again at once.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
@TestProfile(LeaseRenewalTest.ShortLeases.class)
class LeaseRenewalTest {
    @Inject
    SyncLeases leases;

    /** Leases of 2 s renewed every 0.5 s, and the worker polling as in production. */
    public static class ShortLeases implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "plugsync.ingest.worker.enabled", "true",
                    "plugsync.ingest.worker.poll-every", "1s",
                    "plugsync.ingest.worker.lease", "PT2S",
                    "plugsync.ingest.worker.lease-renewal", "0.5s");
        }
    }

    @Test
    void syncOfAReplicaThatDiedIsCompletedByALiveWorkerAfterItsLease() {
        Connector c = connectorWithOneSkill("died");
        // what a replica leaves behind when it is SIGKILLed right after its claim: running, a
        // 2-second lease that nobody will renew
        execute(
                "INSERT INTO connector_sync_event (connector_instance_id, connector_target_id, connector_type,"
                        + " remote_id, event_type, source_revision_ref, status, attempts, next_attempt_at)"
                        + " VALUES (?, ?, 'github', ?, 'push', ?, 'running', 1, now() + interval '2 seconds')",
                c.instanceId(),
                c.targetId(),
                c.repo().fullName(),
                c.repo().head());
        UUID event = (UUID) scalar("SELECT id FROM connector_sync_event WHERE connector_target_id = ?", c.targetId());

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "completed".equals(scalar("SELECT status FROM connector_sync_event WHERE id = ?", event)));
        assertThat(rows("SELECT attempts FROM connector_sync_event WHERE id = ?", event))
                .containsExactly(List.of(2));
        assertThat(scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId()))
                .isEqualTo(c.repo().head());
    }

    @Test
    void syncALiveWorkerIsBusyWithKeepsItsLeaseLongerThanOneLease() {
        Connector c = connectorWithOneSkill("slow");
        FakeGithubResource.server().setGlobalFixedDelay(2500);
        try {
            Webhooks.push(c.repo(), c.installationId(), "0".repeat(40));
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> "running"
                            .equals(scalar(
                                    "SELECT status FROM connector_sync_event WHERE connector_target_id = ?",
                                    c.targetId())));
            // every GitHub call takes 2.5 s: the sync outlives its 2-second lease several times over
            sleep(Duration.ofSeconds(5));
            assertThat(rows(
                            "SELECT status, attempts, next_attempt_at > now() FROM connector_sync_event"
                                    + " WHERE connector_target_id = ?",
                            c.targetId()))
                    .as("still running on its first attempt, its lease renewed")
                    .containsExactly(List.of("running", 1, true));
        } finally {
            FakeGithubResource.server().setGlobalFixedDelay(0);
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "completed"
                        .equals(scalar(
                                "SELECT status FROM connector_sync_event WHERE connector_target_id = ?",
                                c.targetId())));
        assertThat(rows("SELECT attempts FROM connector_sync_event WHERE connector_target_id = ?", c.targetId()))
                .containsExactly(List.of(1));
    }

    @Test
    void syncAWorkerGivesBackIsQueuedAgainWithoutWaitingOutItsLease() {
        Connector c = connectorWithOneSkill("given-back");
        // claimed by this replica with a lease of a minute; its outcome could not be recorded
        execute(
                "INSERT INTO connector_sync_event (connector_instance_id, connector_target_id, connector_type,"
                        + " remote_id, event_type, source_revision_ref, status, attempts, next_attempt_at)"
                        + " VALUES (?, ?, 'github', ?, 'push', ?, 'running', 1, now() + interval '1 minute')",
                c.instanceId(),
                c.targetId(),
                c.repo().fullName(),
                c.repo().head());
        UUID event = (UUID) scalar("SELECT id FROM connector_sync_event WHERE connector_target_id = ?", c.targetId());
        leases.hold(List.of(event));
        leases.giveBack(event);

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "completed".equals(scalar("SELECT status FROM connector_sync_event WHERE id = ?", event)));
    }

    private static Connector connectorWithOneSkill(String prefix) {
        FakeRepo repo = new FakeRepo("acme", prefix + "-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        repo.put("skills/one/SKILL.md", skill("one", "first")).commit();
        return c;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
