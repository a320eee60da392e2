package io.plugsync.api.library.plugin;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static io.plugsync.api.library.Library.count;
import static io.plugsync.api.library.Library.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.library.Library;
import io.plugsync.api.library.Outbox;
import io.plugsync.api.support.TestOrg;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Plugins: membership (one row per pair), the resolved view, releases and their diff. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class PluginApiTest {

    static void addMember(String token, TestOrg org, String plugin, String object, int status) {
        as(token)
                .body("{\"config_object_id\": \"" + object + "\"}")
                .post(base(org.id()) + "/plugins/" + plugin + "/members")
                .then()
                .statusCode(status);
    }

    @Test
    void membershipIsOneRowReactivatedOnReAddWithAnEventPerChange() {
        TestOrg org = TestOrg.create();
        String object = Library.createSkill(org.editorToken(), org.id(), "member-skill");
        String plugin = Library.createPlugin(org.editorToken(), org.id(), "Sales");
        addMember(org.editorToken(), org, plugin, object, 201);
        addMember(org.editorToken(), org, plugin, object, 200);
        as(org.editorToken())
                .delete(base(org.id()) + "/plugins/" + plugin + "/members/" + object)
                .then()
                .statusCode(204);
        as(org.editorToken())
                .delete(base(org.id()) + "/plugins/" + plugin + "/members/" + object)
                .then()
                .statusCode(404);
        addMember(org.editorToken(), org, plugin, object, 201);
        as(org.editorToken())
                .get(base(org.id()) + "/plugins/" + plugin + "/members")
                .then()
                .statusCode(200)
                .body("items.config_object_id", contains(object));
        assertThat(count("SELECT count(*) FROM plugin_config_object WHERE plugin_id = ?", uuid(plugin)))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_type = ? AND aggregate_id = ? AND event_type = ?",
                        OutboxContract.PLUGIN,
                        plugin,
                        OutboxContract.PLUGIN_MEMBERSHIP_CHANGED.name()))
                .isEqualTo(3);
    }

    @Test
    void resolvedGivesTheLatestVersionOfEachLiveMemberAndSkipsDeletedOnes() {
        TestOrg org = TestOrg.create();
        String kept = Library.createSkill(org.editorToken(), org.id(), "kept-skill");
        String dropped = Library.createSkill(org.editorToken(), org.id(), "dropped-skill");
        String plugin = Library.createPlugin(org.editorToken(), org.id(), "Bundle");
        addMember(org.editorToken(), org, plugin, kept, 201);
        addMember(org.editorToken(), org, plugin, dropped, 201);
        as(org.editorToken())
                .body("{\"content\": " + Library.json(Library.SKILL.replace("pdf-tools", "kept-skill-v2")) + "}")
                .put(base(org.id()) + "/config-objects/" + kept)
                .then()
                .statusCode(200);
        as(org.editorToken())
                .delete(base(org.id()) + "/config-objects/" + dropped)
                .then()
                .statusCode(200);
        String latest = as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + kept + "/latest")
                .then()
                .extract()
                .path("item.id");
        as(org.editorToken())
                .get(base(org.id()) + "/plugins/" + plugin + "/resolved")
                .then()
                .statusCode(200)
                .body("item.items", hasSize(1))
                .body("item.items[0].config_object_id", is(kept))
                .body("item.items[0].version_id", is(latest))
                .body("item.items[0].payload.name", is("kept-skill-v2"))
                .body("item.items[0].content", is(Library.SKILL.replace("pdf-tools", "kept-skill-v2")));
    }

    @Test
    void anArchivedMemberLeavesTheResolvedPluginUntilItIsRestored() {
        TestOrg org = TestOrg.create();
        String skill = Library.createSkill(org.editorToken(), org.id(), "seasonal-skill");
        String plugin = Library.createPlugin(org.editorToken(), org.id(), "Seasonal");
        addMember(org.editorToken(), org, plugin, skill, 201);
        String resolved = base(org.id()) + "/plugins/" + plugin + "/resolved";

        as(org.editorToken())
                .post(base(org.id()) + "/config-objects/" + skill + "/archive")
                .then()
                .statusCode(200);
        Library.get(org.editorToken(), resolved).statusCode(200).body("item.items", hasSize(0));

        as(org.editorToken())
                .post(base(org.id()) + "/config-objects/" + skill + "/restore")
                .then()
                .statusCode(200);
        Library.get(org.editorToken(), resolved)
                .statusCode(200)
                .body("item.items", hasSize(1))
                .body("item.items[0].config_object_id", is(skill));
    }

    @Test
    void aReleaseSnapshotsResolvedVersionsAndDiffsAgainstNow() {
        TestOrg org = TestOrg.create();
        String changed = Library.createSkill(org.editorToken(), org.id(), "will-change");
        String removed = Library.createSkill(org.editorToken(), org.id(), "will-leave");
        String added = Library.createSkill(org.editorToken(), org.id(), "will-join");
        String plugin = Library.createPlugin(org.editorToken(), org.id(), "Released");
        addMember(org.editorToken(), org, plugin, changed, 201);
        addMember(org.editorToken(), org, plugin, removed, 201);
        String release = as(org.editorToken())
                .body("{\"notes\": \"first cut\"}")
                .post(base(org.id()) + "/plugins/" + plugin + "/releases")
                .then()
                .statusCode(201)
                .body("item.item_count", is(2))
                .body("item.notes", is("first cut"))
                .extract()
                .path("item.id");
        as(org.editorToken())
                .get(base(org.id()) + "/plugins/" + plugin + "/releases/" + release + "/diff")
                .then()
                .statusCode(200)
                .body("item.unchanged_count", is(2))
                .body("item.added", empty())
                .body("item.changed", empty());
        as(org.editorToken())
                .body("{\"content\": " + Library.json(Library.SKILL.replace("pdf-tools", "will-change-v2")) + "}")
                .put(base(org.id()) + "/config-objects/" + changed)
                .then()
                .statusCode(200);
        as(org.editorToken())
                .delete(base(org.id()) + "/plugins/" + plugin + "/members/" + removed)
                .then()
                .statusCode(204);
        addMember(org.editorToken(), org, plugin, added, 201);
        as(org.editorToken())
                .get(base(org.id()) + "/plugins/" + plugin + "/releases/" + release + "/diff")
                .then()
                .statusCode(200)
                .body("item.added.config_object_id", contains(added))
                .body("item.removed.config_object_id", contains(removed))
                .body("item.changed.config_object_id", contains(changed))
                .body("item.unchanged_count", is(0));
        as(org.editorToken())
                .get(base(org.id()) + "/plugins/" + plugin + "/releases/" + release)
                .then()
                .statusCode(200)
                .body("item.items", hasSize(2));
        as(org.viewerToken())
                .get(base(org.id()) + "/plugins/" + plugin + "/releases")
                .then()
                .statusCode(404);
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?",
                        plugin,
                        OutboxContract.PLUGIN_RELEASE_CREATED.name()))
                .isEqualTo(1);
    }

    @Test
    void sharingWithATeamLetsItsMembersReadTheResolvedPlugin() throws Exception {
        TestOrg org = TestOrg.create();
        String object = Library.createSkill(org.editorToken(), org.id(), "team-skill");
        String plugin = Library.createPlugin(org.editorToken(), org.id(), "Team bundle");
        addMember(org.editorToken(), org, plugin, object, 201);
        as(org.viewerToken())
                .get(base(org.id()) + "/plugins/" + plugin + "/resolved")
                .then()
                .statusCode(404);
        String team = Fixtures.teamWith(org, "viewer-" + org.id());
        as(org.editorToken())
                .body("{\"team_id\": \"" + team + "\", \"role\": \"viewer\"}")
                .post(base(org.id()) + "/plugins/" + plugin + "/grants")
                .then()
                .statusCode(201)
                .body("item.principal_type", is("team"));
        as(org.viewerToken())
                .get(base(org.id()) + "/plugins/" + plugin + "/resolved")
                .then()
                .statusCode(200)
                .body("item.items[0].payload.name", is("team-skill"));
        as(org.viewerToken())
                .get(base(org.id()) + "/config-objects/" + object)
                .then()
                .statusCode(200)
                .body("item.your_role", is("viewer"));
        as(org.viewerToken())
                .body("{\"name\": \"renamed\"}")
                .patch(base(org.id()) + "/plugins/" + plugin)
                .then()
                .statusCode(403)
                .body("type", endsWith("/missing-resource-role"))
                .body("action", is("plugin:update"))
                .body("required_role", is("editor"))
                .body("your_role", is("viewer"));
    }

    @Test
    void archiveAndRestoreAndStatusChangesNeedManager() throws Exception {
        TestOrg org = TestOrg.create();
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Controlled");
        String editor = Fixtures.teamWith(org, "editor-" + org.id());
        as(org.ownerToken())
                .body("{\"team_id\": \"" + editor + "\", \"role\": \"editor\"}")
                .post(base(org.id()) + "/plugins/" + plugin + "/grants")
                .then()
                .statusCode(201);
        as(org.editorToken())
                .body("{\"description\": \"edited\"}")
                .patch(base(org.id()) + "/plugins/" + plugin)
                .then()
                .statusCode(200);
        as(org.editorToken())
                .body("{\"status\": \"archived\"}")
                .patch(base(org.id()) + "/plugins/" + plugin)
                .then()
                .statusCode(403)
                .body("type", endsWith("/missing-resource-role"))
                .body("action", is("plugin:update_status"))
                .body("required_role", is("manager"));
        as(org.editorToken())
                .post(base(org.id()) + "/plugins/" + plugin + "/archive")
                .then()
                .statusCode(403)
                .body("action", is("plugin:archive"));
        as(org.ownerToken())
                .post(base(org.id()) + "/plugins/" + plugin + "/archive")
                .then()
                .statusCode(200)
                .body("item.status", is("archived"));
        as(org.ownerToken())
                .post(base(org.id()) + "/plugins/" + plugin + "/archive")
                .then()
                .statusCode(409)
                .body("type", endsWith("/plugin-archived"));
        as(org.editorToken())
                .post(base(org.id()) + "/plugins/" + plugin + "/restore")
                .then()
                .statusCode(403)
                .body("action", is("plugin:restore"));
        as(org.ownerToken())
                .post(base(org.id()) + "/plugins/" + plugin + "/restore")
                .then()
                .statusCode(200)
                .body("item.status", is("active"));
        as(org.ownerToken())
                .post(base(org.id()) + "/plugins/" + plugin + "/restore")
                .then()
                .statusCode(409);
        assertThat(Outbox.of(OutboxContract.PLUGIN, plugin).stream()
                        .filter(e -> e.eventType().equals(OutboxContract.PLUGIN_CHANGED.name()))
                        .map(e -> e.payload().path("status").asText())
                        .toList())
                .containsExactly("active", "active", "archived", "active");
    }
}
