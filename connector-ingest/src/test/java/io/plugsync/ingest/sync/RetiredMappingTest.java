package io.plugsync.ingest.sync;

import static io.plugsync.ingest.support.IngestFixtures.count;
import static io.plugsync.ingest.support.IngestFixtures.execute;
import static io.plugsync.ingest.support.IngestFixtures.scalar;
import static io.plugsync.ingest.support.Skills.skill;
import static io.plugsync.ingest.sync.SyncScenarioTest.objectAt;
import static io.plugsync.ingest.sync.SyncScenarioTest.versions;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A retired mapping selects nothing from the next sync on: the objects only it selected are
 * deleted and tombstoned (naming the retired mapping), nothing new comes from its paths; an archived
 * instance never syncs.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class RetiredMappingTest {
    @Inject
    SyncWorker worker;

    @Test
    void retiredMappingStopsProducingAndItsObjectsAreTombstonedAtTheNextSync() {
        FakeRepo repo = new FakeRepo("acme", "retired-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        UUID sales = IngestFixtures.mapping(c, "sales/**", "skill", null);
        UUID support = IngestFixtures.mapping(c, "support/**", "skill", null);
        repo.put("sales/a/SKILL.md", skill("a", "sales")).put("support/b/SKILL.md", skill("b", "support"));
        String head = SyncRuns.pushAndSync(worker, c, "0".repeat(40));
        UUID a = objectAt(c, "sales/a/SKILL.md");
        UUID b = objectAt(c, "support/b/SKILL.md");

        execute("UPDATE connector_mapping SET status = 'retired', retired_at = now() WHERE id = ?", sales);
        repo.put("sales/new/SKILL.md", skill("new", "after retirement"))
                .put("sales/a/SKILL.md", skill("a", "changed after retirement"));
        SyncRuns.pushAndSync(worker, c, head);

        assertThat(scalar("SELECT status FROM config_object WHERE id = ?", a)).isEqualTo("deleted");
        assertThat(versions(a)).as("one content version, then the deleted one").isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM connector_source_tombstone WHERE former_config_object_id = ?"
                                + " AND connector_mapping_id = ?",
                        a,
                        sales))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM connector_source_binding WHERE connector_target_id = ?"
                                + " AND external_locator LIKE 'sales/%' AND status = 'active'",
                        c.targetId()))
                .isZero();
        assertThat(scalar("SELECT status FROM config_object WHERE id = ?", b)).isEqualTo("active");
        assertThat(objectAt(c, "support/b/SKILL.md")).isEqualTo(b);
        assertThat(count("SELECT count(*) FROM config_object WHERE connector_instance_id = ?", c.instanceId()))
                .as("nothing new from the retired mapping's paths")
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM connector_mapping WHERE id = ?", support))
                .isEqualTo(1);
    }

    @Test
    void archivedInstanceIsNeverSynced() {
        FakeRepo repo = new FakeRepo("acme", "archived-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        repo.put("skills/a/SKILL.md", skill("a", "first"));
        String head = repo.commit();
        // a sync queued before the instance was archived
        execute(
                "INSERT INTO connector_sync_event (connector_instance_id, connector_target_id, connector_type,"
                        + " remote_id, event_type, source_revision_ref) VALUES (?, ?, 'github', ?, 'push', ?)",
                c.instanceId(),
                c.targetId(),
                repo.fullName(),
                head);
        execute("UPDATE connector_instance SET status = 'archived', archived_at = now() WHERE id = ?", c.instanceId());

        worker.drain().await().atMost(Duration.ofMinutes(1));
        assertThat(scalar("SELECT status FROM connector_sync_event WHERE connector_target_id = ?", c.targetId()))
                .isEqualTo("cancelled");

        // a push for it queues nothing
        Webhooks.send(
                        "push",
                        Webhooks.delivery(),
                        Webhooks.pushBody(
                                repo,
                                c.installationId(),
                                head,
                                repo.put("skills/b/SKILL.md", skill("b", "x")).commit()))
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        worker.drain().await().atMost(Duration.ofMinutes(1));
        assertThat(count("SELECT count(*) FROM connector_sync_event WHERE connector_target_id = ?", c.targetId()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM config_object WHERE connector_instance_id = ?", c.instanceId()))
                .isZero();
        assertThat(scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId()))
                .isNull();
    }
}
