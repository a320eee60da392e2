package io.plugsync.ingest.sync;

import static io.plugsync.ingest.support.IngestFixtures.count;
import static io.plugsync.ingest.support.IngestFixtures.scalar;
import static io.plugsync.ingest.support.Skills.skill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

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
import org.junit.jupiter.api.Test;

/** installation / installation_repositories / repository events. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class InstallationLifecycleTest {
    @Inject
    SyncWorker worker;

    @Test
    void installationCreatedThenDeletedDisconnectsTheAccountAndStopsSyncing() {
        FakeRepo repo = new FakeRepo("acme", "lifecycle-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.execute("UPDATE connector_account SET status = 'disconnected' WHERE id = ?", c.accountId());

        Webhooks.send("installation", Webhooks.delivery(), installation("created", c.installationId()))
                .then()
                .statusCode(202)
                .body("outcome", is("applied"));
        assertThat(scalar("SELECT status FROM connector_account WHERE id = ?", c.accountId()))
                .isEqualTo("active");
        assertThat(scalar(
                        "SELECT account_login FROM github_installation WHERE installation_id = ?", c.installationId()))
                .isEqualTo("acme");

        // a push queues a sync, then the App is uninstalled before it runs
        repo.put("a.md", "x").commit();
        Webhooks.send(
                        "push",
                        Webhooks.delivery(),
                        Webhooks.pushBody(repo, c.installationId(), "0".repeat(40), repo.head()))
                .then()
                .statusCode(202);
        Webhooks.send("installation", Webhooks.delivery(), installation("deleted", c.installationId()))
                .then()
                .statusCode(202);
        assertThat(scalar("SELECT status FROM connector_account WHERE id = ?", c.accountId()))
                .isEqualTo("disconnected");
        assertThat(scalar("SELECT status FROM connector_sync_event WHERE connector_target_id = ?", c.targetId()))
                .isEqualTo("cancelled");

        // later pushes find no syncable target
        repo.put("b.md", "y").commit();
        Webhooks.send(
                        "push",
                        Webhooks.delivery(),
                        Webhooks.pushBody(repo, c.installationId(), "0".repeat(40), repo.head()))
                .then()
                .statusCode(200)
                .body("outcome", is("no_target"));
    }

    @Test
    void repositoryRemovedFromTheInstallationDisablesItsTargets() {
        FakeRepo repo = new FakeRepo("acme", "removed-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        String body = "{\"action\":\"removed\",\"installation\":{\"id\":" + c.installationId()
                + "},\"repositories_removed\":[{\"id\":1,\"full_name\":\"" + repo.fullName() + "\"}]}";
        Webhooks.send("installation_repositories", Webhooks.delivery(), body)
                .then()
                .statusCode(202);
        assertThat(scalar("SELECT status FROM connector_target WHERE id = ?", c.targetId()))
                .isEqualTo("disabled");
    }

    @Test
    void repositoryRenamedUpdatesTheTargetAndResyncsUnderTheNewName() {
        FakeRepo old = new FakeRepo("acme", "before-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(old);
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        FakeRepo renamed = new FakeRepo("acme", "after-" + System.nanoTime(), "main");
        renamed.put("skills/x/SKILL.md", skill("x", "renamed repo")).commit();

        String body = "{\"action\":\"renamed\",\"installation\":{\"id\":" + c.installationId() + "},"
                + "\"changes\":{\"repository\":{\"name\":{\"from\":\""
                + old.fullName().substring(5) + "\"}}},"
                + "\"repository\":{\"id\":99,\"full_name\":\"" + renamed.fullName()
                + "\",\"owner\":{\"login\":\"acme\"}}}";
        Webhooks.send("repository", Webhooks.delivery(), body)
                .then()
                .statusCode(202)
                .body("outcome", is("queued"));
        assertThat(scalar("SELECT remote_id FROM connector_target WHERE id = ?", c.targetId()))
                .isEqualTo(renamed.fullName());

        worker.drain().await().atMost(Duration.ofMinutes(1));
        assertThat(scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId()))
                .isEqualTo(renamed.head());
        assertThat(count("SELECT count(*) FROM config_object WHERE connector_instance_id = ?", c.instanceId()))
                .isEqualTo(1);
    }

    private static String installation(String action, String id) {
        return "{\"action\":\"" + action + "\",\"installation\":{\"id\":" + id
                + ",\"account\":{\"login\":\"acme\",\"type\":\"Organization\"},\"repository_selection\":\"selected\"}}";
    }
}
