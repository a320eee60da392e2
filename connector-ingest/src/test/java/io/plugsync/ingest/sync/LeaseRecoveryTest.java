package io.plugsync.ingest.sync;

import static io.plugsync.ingest.support.IngestFixtures.count;
import static io.plugsync.ingest.support.IngestFixtures.execute;
import static io.plugsync.ingest.support.IngestFixtures.rows;
import static io.plugsync.ingest.support.IngestFixtures.scalar;
import static io.plugsync.ingest.support.Skills.skill;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.IngestFixtures;
import io.plugsync.ingest.support.IngestFixtures.Connector;
import io.plugsync.ingest.support.Webhooks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A replica that dies mid-sync leaves its event {@code running} with a lease (next_attempt_at) that
 * nobody renews. The head check releases expired leases and a live worker completes the sync; a
 * lease that has not run out belongs to a live worker and is left alone.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class LeaseRecoveryTest {
    @Inject
    ReconcileJob job;

    @Inject
    SyncWorker worker;

    @Test
    void syncOfADeadWorkerIsReleasedWhenItsLeaseExpiresAndCompletedByALiveWorker() {
        Connector c = connectorWithOneSkill("dead-worker");
        UUID event = queuedPush(c);
        claimedMinutesAgo(event, 16); // the worker died right after claiming

        ReconcileJob.Result pass = job.run().await().atMost(Duration.ofMinutes(1));
        assertThat(pass.released()).isGreaterThanOrEqualTo(1);
        assertThat(scalar("SELECT status FROM connector_sync_event WHERE id = ?", event))
                .isEqualTo("queued");

        worker.drain().await().atMost(Duration.ofMinutes(1));
        assertThat(rows("SELECT status, attempts FROM connector_sync_event WHERE id = ?", event))
                .containsExactly(List.of("completed", 2));
        assertThat(scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId()))
                .isEqualTo(c.repo().head());
        assertThat(liveObjects(c)).isEqualTo(1);
        // the released event was completed in place: the head check queued no second sync of that head
        assertThat(count("SELECT count(*) FROM connector_sync_event WHERE connector_target_id = ?", c.targetId()))
                .isEqualTo(1);
    }

    @Test
    void syncWhoseLeaseHasNotExpiredIsLeftToItsWorker() {
        Connector c = connectorWithOneSkill("live-lease");
        UUID event = queuedPush(c);
        claimedMinutesAgo(event, 5); // its worker is still busy with it
        Object lease = scalar("SELECT next_attempt_at FROM connector_sync_event WHERE id = ?", event);

        job.run().await().atMost(Duration.ofMinutes(1));
        worker.drain().await().atMost(Duration.ofMinutes(1));

        assertThat(rows("SELECT status, attempts, next_attempt_at FROM connector_sync_event WHERE id = ?", event))
                .containsExactly(List.of("running", 1, lease));
        assertThat(scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId()))
                .isNull();
        assertThat(liveObjects(c)).isZero();
        assertThat(count("SELECT count(*) FROM connector_sync_event WHERE connector_target_id = ?", c.targetId()))
                .isEqualTo(1);
    }

    private static Connector connectorWithOneSkill(String prefix) {
        FakeRepo repo = new FakeRepo("acme", prefix + "-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        repo.put("skills/one/SKILL.md", skill("one", "first")).commit();
        return c;
    }

    /** The push's delivery queues a sync; returns it. */
    private static UUID queuedPush(Connector c) {
        String body = Webhooks.pushBody(
                c.repo(), c.installationId(), "0".repeat(40), c.repo().head());
        Webhooks.send("push", Webhooks.delivery(), body).then().statusCode(202);
        return (UUID) scalar(
                "SELECT id FROM connector_sync_event WHERE connector_target_id = ? AND status = 'queued'",
                c.targetId());
    }

    /**
     * The state a worker's claim ({@link io.plugsync.common.source.SyncEvents#claim}, default 15-minute lease) leaves
     * {@code minutesAgo} later when the worker has not finished: running, one attempt, the lease
     * running out 15 minutes after the claim. A dead worker leaves exactly this behind.
     */
    private static void claimedMinutesAgo(UUID event, int minutesAgo) {
        execute(
                "UPDATE connector_sync_event SET status = 'running', attempts = attempts + 1,"
                        + " started_at = now() - make_interval(mins => ?),"
                        + " next_attempt_at = now() - make_interval(mins => ?) + interval '15 minutes'"
                        + " WHERE id = ? AND status = 'queued'",
                minutesAgo,
                minutesAgo,
                event);
        assertThat(scalar("SELECT status FROM connector_sync_event WHERE id = ?", event))
                .isEqualTo("running");
    }

    private static long liveObjects(Connector c) {
        return count(
                "SELECT count(*) FROM connector_source_binding WHERE connector_target_id = ? AND status = 'active'",
                c.targetId());
    }
}
