package io.plugsync.ingest.sync;

import static io.plugsync.ingest.support.IngestFixtures.count;
import static io.plugsync.ingest.support.IngestFixtures.scalar;
import static io.plugsync.ingest.support.Skills.skill;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A sync deleting most of a target is held until an organisation admin confirms it. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class MassDeletionGuardTest {
    @Inject
    SyncWorker worker;

    @Test
    void massDeletionIsHeldThenAppliedOnConfirmation() {
        FakeRepo repo = new FakeRepo("acme", "guard-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        for (int i = 0; i < 12; i++) {
            repo.put("skills/s" + i + "/SKILL.md", skill("s" + i, "skill " + i));
        }
        push(c, repo, "0".repeat(40));
        assertThat(live(c)).isEqualTo(12);

        // delete 10 of 12: more than half and at least 10
        for (int i = 0; i < 10; i++) {
            repo.remove("skills/s" + i + "/SKILL.md");
        }
        String before =
                (String) scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId());
        push(c, repo, before);
        UUID held = (UUID) scalar(
                "SELECT id FROM connector_sync_event WHERE connector_target_id = ? AND status = 'needs_confirmation'",
                c.targetId());
        assertThat(held).isNotNull();
        assertThat(live(c)).isEqualTo(12);

        String viewer = PlugSyncTestEngines.token(
                "viewer-" + UUID.randomUUID(), Map.of(c.orgId().toString(), "viewer"));
        String admin = PlugSyncTestEngines.token(
                "admin-" + UUID.randomUUID(), Map.of(c.orgId().toString(), "admin"));
        String stranger = PlugSyncTestEngines.token(
                "x-" + UUID.randomUUID(), Map.of(UUID.randomUUID().toString(), "owner"));
        String base = "/v1/orgs/" + c.orgId() + "/connector-sync-events";

        given().auth()
                .oauth2(admin)
                .get(base + "/held")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(held.toString()))
                .body("items.find { it.id == '" + held + "' }.planned_deletions", is(10));
        given().auth()
                .oauth2(viewer)
                .post(base + "/" + held + "/confirm-deletions")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(stranger)
                .post(base + "/" + held + "/confirm-deletions")
                .then()
                .statusCode(404);
        given().post(base + "/" + held + "/confirm-deletions").then().statusCode(401);

        given().auth()
                .oauth2(admin)
                .post(base + "/" + held + "/confirm-deletions")
                .then()
                .statusCode(202);
        given().auth()
                .oauth2(admin)
                .post(base + "/" + held + "/confirm-deletions")
                .then()
                .statusCode(409);
        worker.drain().await().atMost(Duration.ofMinutes(1));

        assertThat(scalar("SELECT status FROM connector_sync_event WHERE id = ?", held))
                .isEqualTo("completed");
        assertThat(live(c)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM connector_source_tombstone WHERE connector_target_id = ?", c.targetId()))
                .isEqualTo(10);
    }

    private void push(Connector c, FakeRepo repo, String before) {
        String after = repo.commit();
        Webhooks.send("push", Webhooks.delivery(), Webhooks.pushBody(repo, c.installationId(), before, after))
                .then()
                .statusCode(202);
        worker.drain().await().atMost(Duration.ofMinutes(1));
    }

    private static long live(Connector c) {
        return count(
                "SELECT count(*) FROM connector_source_binding WHERE connector_target_id = ? AND status = 'active'",
                c.targetId());
    }
}
