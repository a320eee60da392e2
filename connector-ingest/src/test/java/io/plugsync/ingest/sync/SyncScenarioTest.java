package io.plugsync.ingest.sync;

import static io.plugsync.ingest.support.IngestFixtures.count;
import static io.plugsync.ingest.support.IngestFixtures.rows;
import static io.plugsync.ingest.support.IngestFixtures.scalar;
import static io.plugsync.ingest.support.Skills.skill;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.IngestFixtures;
import io.plugsync.ingest.support.IngestFixtures.Connector;
import io.plugsync.ingest.support.Skills;
import io.plugsync.ingest.support.Webhooks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Several pushes against a fake GitHub: add, change, delete, re-add (new identity), move, a broken
 * file, a tree too big for one listing; then every delivery replayed twice changes nothing.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class SyncScenarioTest {
    private static final String ALPHA = "sales/skills/alpha/SKILL.md";
    private static final String BETA = "sales/skills/beta/SKILL.md";
    private static final String GAMMA = "sales/skills/gamma/SKILL.md";
    private static final String GAMMA_MOVED = "sales/skills/renamed/SKILL.md";
    private static final String BROKEN = "sales/skills/broken/SKILL.md";

    @Inject
    SyncWorker worker;

    private final List<String[]> deliveries = new ArrayList<>();
    private String previous = "0".repeat(40);

    @Test
    void pushesBecomeObjectsVersionsBindingsAndTombstones() {
        FakeRepo repo = new FakeRepo("acme", "scenario-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        UUID plugin = IngestFixtures.plugin(c, "sales");
        IngestFixtures.mapping(c, "/sales/skills/**", "skill", plugin);

        // 1. add three skills (and a file no mapping selects)
        repo.put(ALPHA, skill("alpha", "first"))
                .put(BETA, skill("beta", "second"))
                .put(GAMMA, skill("gamma", "third"));
        repo.put("README.md", "not mapped");
        push(c, repo);
        assertThat(status(c)).isEqualTo("completed");
        UUID alpha = objectAt(c, ALPHA);
        UUID beta = objectAt(c, BETA);
        UUID gamma = objectAt(c, GAMMA);
        assertThat(count("SELECT count(*) FROM config_object WHERE connector_instance_id = ?", c.instanceId()))
                .isEqualTo(3);
        assertThat(versions(alpha)).isEqualTo(1);
        assertThat(scalar("SELECT title FROM config_object WHERE id = ?", alpha))
                .isEqualTo("alpha");
        assertThat(count(
                        "SELECT count(*) FROM plugin_config_object WHERE plugin_id = ? AND removed_at IS NULL", plugin))
                .isEqualTo(3);
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_type = ? AND aggregate_id = ?",
                        OutboxContract.CONFIG_OBJECT,
                        alpha.toString()))
                .isEqualTo(1);

        // 2. change alpha, delete beta
        repo.put(ALPHA, skill("alpha", "first, revised")).remove(BETA);
        push(c, repo);
        assertThat(versions(alpha)).isEqualTo(2);
        assertThat(scalar("SELECT description FROM config_object WHERE id = ?", alpha))
                .isEqualTo("first, revised");
        assertThat(scalar("SELECT status FROM config_object WHERE id = ?", beta))
                .isEqualTo("deleted");
        assertThat(scalar(
                        "SELECT is_deleted_version FROM config_object_version WHERE config_object_id = ?"
                                + " ORDER BY created_at DESC, id DESC LIMIT 1",
                        beta))
                .isEqualTo(true);
        assertThat(scalar("SELECT status FROM connector_source_binding WHERE config_object_id = ?", beta))
                .isEqualTo("closed");
        assertThat(count(
                        "SELECT count(*) FROM connector_source_tombstone WHERE former_config_object_id = ?"
                                + " AND external_locator = ?",
                        beta,
                        BETA))
                .isEqualTo(1);
        // plugin membership history is kept for the deleted object
        assertThat(count(
                        "SELECT count(*) FROM plugin_config_object WHERE config_object_id = ? AND removed_at IS NULL",
                        beta))
                .isEqualTo(1);
        assertThat(versions(gamma)).isEqualTo(1);

        // 3. beta comes back (new identity), gamma moves, a broken file arrives
        repo.put(BETA, skill("beta", "second, reborn")).move(GAMMA, GAMMA_MOVED).put(BROKEN, Skills.broken());
        push(c, repo);
        assertThat(status(c)).isEqualTo("completed_with_errors");
        UUID reborn = objectAt(c, BETA);
        assertThat(reborn).isNotEqualTo(beta);
        assertThat(scalar("SELECT status FROM config_object WHERE id = ?", beta))
                .isEqualTo("deleted");
        assertThat(objectAt(c, GAMMA_MOVED)).isEqualTo(gamma);
        assertThat(versions(gamma)).isEqualTo(1);
        assertThat(scalar("SELECT current_relative_path FROM config_object WHERE id = ?", gamma))
                .isEqualTo(GAMMA_MOVED);
        assertThat(count(
                        "SELECT count(*) FROM connector_source_binding WHERE config_object_id = ? AND status = 'closed'"
                                + " AND external_locator = ?",
                        gamma,
                        GAMMA))
                .isEqualTo(1);
        UUID broken = objectAt(c, BROKEN);
        assertThat(scalar("SELECT status FROM config_object WHERE id = ?", broken))
                .isEqualTo("ingestion_error");
        assertThat(versions(broken)).isZero();
        String summary = (String) scalar(
                "SELECT summary_json::text FROM connector_sync_event WHERE connector_target_id = ?"
                        + " ORDER BY started_at DESC LIMIT 1",
                c.targetId());
        assertThat(summary)
                .contains("\"moved\": 1")
                .contains("\"errors\": 1")
                .contains("new_identity_after_tombstone")
                .contains("\"from_path\": \"" + GAMMA + "\"")
                .contains("/content/frontmatter/name");

        // 4. fixing the broken file gives that identity its first version
        repo.put(BROKEN, skill("broken", "fixed now"));
        push(c, repo);
        assertThat(objectAt(c, BROKEN)).isEqualTo(broken);
        assertThat(scalar("SELECT status FROM config_object WHERE id = ?", broken))
                .isEqualTo("active");
        assertThat(versions(broken)).isEqualTo(1);

        // 5. a tree GitHub would truncate: the push reads compare and still sees every file
        for (int i = 0; i < 12; i++) {
            repo.put("sales/skills/bulk-" + i + "/SKILL.md", skill("bulk-" + i, "bulk " + i));
            repo.put("docs/page-" + i + ".md", "unmapped " + i);
        }
        push(c, repo);
        assertThat(status(c)).isEqualTo("completed");
        assertThat(summaryOfLatest(c)).contains("\"head_read_via\": \"compare\"");
        assertThat(count(
                        "SELECT count(*) FROM connector_source_binding WHERE connector_target_id = ? AND status = 'active'",
                        c.targetId()))
                .isEqualTo(16);

        // replay every delivery twice: nothing new
        long objects = count("SELECT count(*) FROM config_object WHERE connector_instance_id = ?", c.instanceId());
        long allVersions = count(
                "SELECT count(*) FROM config_object_version v JOIN config_object o ON o.id = v.config_object_id"
                        + " WHERE o.connector_instance_id = ?",
                c.instanceId());
        long syncs = count("SELECT count(*) FROM connector_sync_event WHERE connector_target_id = ?", c.targetId());
        for (int round = 0; round < 2; round++) {
            for (String[] delivery : deliveries) {
                Webhooks.send("push", delivery[0], delivery[1]).then().statusCode(200);
            }
            worker.drain().await().atMost(Duration.ofMinutes(2));
        }
        assertThat(count("SELECT count(*) FROM config_object WHERE connector_instance_id = ?", c.instanceId()))
                .isEqualTo(objects);
        assertThat(count(
                        "SELECT count(*) FROM config_object_version v JOIN config_object o ON o.id = v.config_object_id"
                                + " WHERE o.connector_instance_id = ?",
                        c.instanceId()))
                .isEqualTo(allVersions);
        assertThat(count("SELECT count(*) FROM connector_sync_event WHERE connector_target_id = ?", c.targetId()))
                .isEqualTo(syncs);
    }

    private void push(Connector c, FakeRepo repo) {
        String after = repo.commit();
        String delivery = Webhooks.delivery();
        String body = Webhooks.pushBody(repo, c.installationId(), previous, after);
        Webhooks.send("push", delivery, body).then().statusCode(202);
        deliveries.add(new String[] {delivery, body});
        previous = after;
        worker.drain().await().atMost(Duration.ofMinutes(2));
        assertThat(scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId()))
                .isEqualTo(after);
    }

    private static String status(Connector c) {
        return (String) scalar(
                "SELECT status FROM connector_sync_event WHERE connector_target_id = ? ORDER BY started_at DESC LIMIT 1",
                c.targetId());
    }

    private static String summaryOfLatest(Connector c) {
        return (String) scalar(
                "SELECT summary_json::text FROM connector_sync_event WHERE connector_target_id = ?"
                        + " ORDER BY started_at DESC LIMIT 1",
                c.targetId());
    }

    static UUID objectAt(Connector c, String path) {
        List<List<Object>> found = rows(
                "SELECT config_object_id FROM connector_source_binding WHERE connector_target_id = ?"
                        + " AND external_locator = ? AND status = 'active'",
                c.targetId(),
                path);
        assertThat(found).as("active binding of " + path).hasSize(1);
        return (UUID) found.get(0).get(0);
    }

    static long versions(UUID objectId) {
        return count("SELECT count(*) FROM config_object_version WHERE config_object_id = ?", objectId);
    }
}
