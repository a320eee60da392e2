package io.plugsync.ingest.sync;

import static io.plugsync.ingest.support.IngestFixtures.count;
import static io.plugsync.ingest.support.IngestFixtures.scalar;
import static io.plugsync.ingest.support.Skills.skill;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.IngestFixtures;
import io.plugsync.ingest.support.IngestFixtures.Connector;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The periodic head check repairs a push whose webhook never arrived. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class ReconcileJobTest {
    @Inject
    ReconcileJob job;

    @Inject
    SyncWorker worker;

    @Test
    void droppedWebhookIsRepairedByTheHeadCheck() {
        FakeRepo repo = new FakeRepo("acme", "dropped-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        repo.put("skills/one/SKILL.md", skill("one", "first")).commit();

        // no webhook: the head check notices the branch moved
        ReconcileJob.Result first = job.run().await().atMost(Duration.ofMinutes(1));
        assertThat(first.queued()).isGreaterThanOrEqualTo(1);
        worker.drain().await().atMost(Duration.ofMinutes(1));
        assertThat(scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId()))
                .isEqualTo(repo.head());
        assertThat(count("SELECT count(*) FROM config_object WHERE connector_instance_id = ?", c.instanceId()))
                .isEqualTo(1);
        assertThat(scalar("SELECT event_type FROM connector_sync_event WHERE connector_target_id = ?", c.targetId()))
                .isEqualTo("reconcile");

        // nothing changed since: a second pass queues nothing for this target
        job.run().await().atMost(Duration.ofMinutes(1));
        assertThat(count("SELECT count(*) FROM connector_sync_event WHERE connector_target_id = ?", c.targetId()))
                .isEqualTo(1);
    }
}
