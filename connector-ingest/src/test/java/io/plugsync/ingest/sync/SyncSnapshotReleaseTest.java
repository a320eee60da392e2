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
 * A sync that changes a plugin's members or a member's version cuts one {@code sync_snapshot}
 * release of that plugin (with its {@code plugin.release.created} event) in the sync's
 * transaction; plugins the sync did not touch, and syncs that change no member, cut none.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class SyncSnapshotReleaseTest {
    private static final String ALPHA = "sales/skills/alpha/SKILL.md";
    private static final String BETA = "sales/skills/beta/SKILL.md";

    @Inject
    SyncWorker worker;

    private final List<String[]> deliveries = new ArrayList<>();
    private String previous = "0".repeat(40);

    @Test
    void oneSyncSnapshotPerPluginTheSyncChanged() {
        FakeRepo repo = new FakeRepo("acme", "snapshots-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        UUID sales = IngestFixtures.plugin(c, "sales");
        UUID bystander = IngestFixtures.plugin(c, "bystander");
        IngestFixtures.mapping(c, "/sales/skills/**", "skill", sales);

        // 1. two new skills join the sales plugin: one release pinning both
        repo.put(ALPHA, skill("alpha", "first")).put(BETA, skill("beta", "second"));
        String first = push(c, repo);
        assertThat(releases(sales)).containsExactly("sync_snapshot:2");
        assertThat(releases(bystander)).isEmpty();
        assertThat(scalar("SELECT notes FROM plugin_release WHERE plugin_id = ?", sales))
                .isEqualTo("connector sync " + latestSync(c) + " at " + first);
        assertThat(scalar("SELECT created_by_org_membership_id IS NULL FROM plugin_release WHERE plugin_id = ?", sales))
                .isEqualTo(true);

        // 2. only an unmapped file changes: no member changed, no release
        repo.put("README.md", "not mapped");
        push(c, repo);
        assertThat(releases(sales)).hasSize(1);

        // 3. alpha, now also in the bystander plugin, changes: one release in each plugin holding it
        UUID alpha = (UUID) rows(
                        "SELECT config_object_id FROM connector_source_binding WHERE external_locator = ?"
                                + " AND connector_target_id = ? AND status = 'active'",
                        ALPHA,
                        c.targetId())
                .get(0)
                .get(0);
        IngestFixtures.execute(
                "INSERT INTO plugin_config_object (plugin_id, config_object_id, membership_source) VALUES (?, ?, 'manual')",
                bystander,
                alpha);
        repo.put(ALPHA, skill("alpha", "first, revised"));
        push(c, repo);
        assertThat(releases(sales)).containsExactly("sync_snapshot:2", "sync_snapshot:2");
        assertThat(releases(bystander)).containsExactly("sync_snapshot:1");
        String pinned = (String) scalar(
                "SELECT i.config_object_version_id::text FROM plugin_release_item i JOIN plugin_release r"
                        + " ON r.id = i.plugin_release_id WHERE r.plugin_id = ?",
                bystander);
        assertThat(pinned)
                .isEqualTo(scalar(
                        "SELECT id::text FROM config_object_version WHERE config_object_id = ?"
                                + " ORDER BY created_at DESC, id DESC LIMIT 1",
                        alpha));

        // 4. beta's file is deleted: the sales plugin now delivers alpha alone
        repo.remove(BETA);
        push(c, repo);
        assertThat(releases(sales)).containsExactly("sync_snapshot:2", "sync_snapshot:2", "sync_snapshot:1");
        assertThat(releases(bystander)).hasSize(1);
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_type = ? AND aggregate_id = ?"
                                + " AND event_type = ?",
                        OutboxContract.PLUGIN,
                        sales.toString(),
                        OutboxContract.PLUGIN_RELEASE_CREATED.name()))
                .isEqualTo(3);

        // replayed deliveries sync nothing new and cut nothing
        for (String[] delivery : deliveries) {
            Webhooks.send("push", delivery[0], delivery[1]).then().statusCode(200);
        }
        worker.drain().await().atMost(Duration.ofMinutes(2));
        assertThat(releases(sales)).hasSize(3);
        assertThat(releases(bystander)).hasSize(1);
    }

    /** "kind:item count" of each release of the plugin, oldest first. */
    private static List<String> releases(UUID plugin) {
        return rows(
                        "SELECT r.release_kind || ':' || (SELECT count(*) FROM plugin_release_item i"
                                + " WHERE i.plugin_release_id = r.id) FROM plugin_release r WHERE r.plugin_id = ?"
                                + " ORDER BY r.created_at, r.id",
                        plugin)
                .stream()
                .map(row -> (String) row.get(0))
                .toList();
    }

    private static Object latestSync(Connector c) {
        return scalar(
                "SELECT id FROM connector_sync_event WHERE connector_target_id = ? ORDER BY started_at DESC LIMIT 1",
                c.targetId());
    }

    private String push(Connector c, FakeRepo repo) {
        String after = repo.commit();
        String delivery = Webhooks.delivery();
        String body = Webhooks.pushBody(repo, c.installationId(), previous, after);
        Webhooks.send("push", delivery, body).then().statusCode(202);
        deliveries.add(new String[] {delivery, body});
        previous = after;
        worker.drain().await().atMost(Duration.ofMinutes(2));
        assertThat(scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId()))
                .isEqualTo(after);
        return after;
    }
}
