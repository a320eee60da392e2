package io.plugsync.api.library.release;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static io.plugsync.api.library.Library.count;
import static io.plugsync.api.library.Library.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.library.Library;
import io.plugsync.api.library.Outbox;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /plugins/{id}/releases/{releaseId}/rollback}: membership and content back to the
 * release through new versions, connector-managed objects left to their source, one transaction,
 * and afterwards the release's diff against now is empty (but for the skipped objects).
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class ReleaseRollbackTest {

    private static JsonPath diff(String token, TestOrg org, String plugin, String release) {
        return as(token)
                .get(base(org.id()) + "/plugins/" + plugin + "/releases/" + release + "/diff")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("item");
    }

    private static long versions(String object) {
        return count("SELECT count(*) FROM config_object_version WHERE config_object_id = ?", uuid(object));
    }

    @Test
    void rollbackRestoresMembersContentAndDeletedObjectsAndRecordsASystemRelease() {
        TestOrg org = TestOrg.create();
        String editor = org.editorToken();
        String alpha = Library.createSkill(editor, org.id(), "alpha-skill");
        String beta = Library.createSkill(editor, org.id(), "beta-skill");
        String gamma = Library.createSkill(editor, org.id(), "gamma-skill");
        String plugin = Library.createPlugin(editor, org.id(), "Rolled");
        Releases.addMember(editor, org, plugin, alpha);
        Releases.addMember(editor, org, plugin, beta);
        String alphaV1 = Releases.latestVersion(editor, org, alpha);
        String release = Releases.cut(editor, org, plugin);

        Releases.newVersion(editor, org, alpha, "alpha-skill-v2");
        as(editor).delete(base(org.id()) + "/config-objects/" + beta).then().statusCode(200);
        as(editor)
                .delete(base(org.id()) + "/plugins/" + plugin + "/members/" + alpha)
                .then()
                .statusCode(204);
        Releases.addMember(editor, org, plugin, gamma);
        assertThat(diff(editor, org, plugin, release).getList("changed")).isEmpty();
        assertThat(diff(editor, org, plugin, release).getList("removed")).hasSize(2);

        JsonPath answer = as(editor)
                .post(Releases.rollbackPath(org, plugin, release))
                .then()
                .statusCode(201)
                .body("item.rolled_back_to", is(release))
                .body("item.release.release_kind", is("system"))
                .body("item.release.notes", is("rollback to release " + release))
                .body("item.release.items.config_object_id", containsInAnyOrder(alpha, beta))
                .body("item.changes.members_added", contains(alpha))
                .body("item.changes.members_removed", contains(gamma))
                .body("item.changes.versions_written.config_object_id", containsInAnyOrder(alpha, beta))
                .body("item.changes.skipped", empty())
                .extract()
                .jsonPath();
        assertThat(answer.getString(
                        "item.changes.versions_written.find { it.config_object_id == '" + beta + "' }.previous_status"))
                .isEqualTo("deleted");

        JsonPath after = diff(editor, org, plugin, release);
        assertThat(after.getList("added")).isEmpty();
        assertThat(after.getList("removed")).isEmpty();
        // v3 carries v1's content: a new version (history kept) that delivers what the release pinned
        assertThat(after.getList("changed")).isEmpty();
        assertThat(after.getInt("unchanged_count")).isEqualTo(2);
        assertThat(versions(alpha)).isEqualTo(3);
        assertThat(versions(beta)).isEqualTo(3);
        as(editor)
                .get(base(org.id()) + "/config-objects/" + alpha + "/latest")
                .then()
                .body("item.content", is(Library.SKILL.replace("pdf-tools", "alpha-skill")))
                .body("item.created_via", is("system"));
        as(editor).get(base(org.id()) + "/config-objects/" + beta).then().body("item.status", is("active"));
        // the system release pins the rolled-back content; its diff against now is empty
        String system = answer.getString("item.release.id");
        JsonPath now = diff(editor, org, plugin, system);
        assertThat(now.getList("added")).isEmpty();
        assertThat(now.getList("removed")).isEmpty();
        assertThat(now.getList("changed")).isEmpty();
        assertThat(now.getInt("unchanged_count")).isEqualTo(2);
        assertThat(alphaV1)
                .isNotEqualTo(answer.getString(
                        "item.release.items.find { it.config_object_id == '" + alpha + "' }.config_object_version_id"));
        assertThat(Releases.of(plugin)).extracting(Releases.Row::kind).containsExactly("manual", "system");
        assertThat(Releases.releaseEvents(plugin)).isEqualTo(2);
        assertThat(Outbox.of("plugin", plugin).stream()
                        .filter(e -> e.eventType().equals("plugin.membership.changed"))
                        .map(e -> e.payload().get("change").asText())
                        .toList())
                .containsExactly("added", "added", "removed", "added", "removed", "added");
    }

    @Test
    void connectorManagedMembersAreSkippedAndTheDiffShowsOnlyThem() {
        TestOrg org = TestOrg.create();
        String owner = org.ownerToken();
        String cloud = Library.createSkill(owner, org.id(), "cloud-skill");
        String synced = Library.createSkill(owner, org.id(), "synced-skill");
        String plugin = Library.createPlugin(owner, org.id(), "Mixed");
        Releases.addMember(owner, org, plugin, cloud);
        Releases.addMember(owner, org, plugin, synced);
        String release = Releases.cut(owner, org, plugin);
        Releases.newVersion(owner, org, cloud, "cloud-skill-v2");
        Releases.newVersion(owner, org, synced, "synced-skill-v2");
        String syncedV2 = Releases.latestVersion(owner, org, synced);
        String instance = Library.source(org)[1];
        Releases.execute(
                "UPDATE config_object SET source_mode = 'connector', connector_instance_id = ? WHERE id = ?",
                uuid(instance),
                uuid(synced));

        as(owner)
                .post(Releases.rollbackPath(org, plugin, release))
                .then()
                .statusCode(201)
                .body("item.changes.versions_written.config_object_id", contains(cloud))
                .body("item.changes.skipped", hasSize(1))
                .body("item.changes.skipped[0].config_object_id", is(synced))
                .body("item.changes.skipped[0].reason", is("managed at source"))
                .body("item.changes.skipped[0].current_version_id", is(syncedV2));

        assertThat(Releases.latestVersion(owner, org, synced)).isEqualTo(syncedV2);
        String system = Releases.of(plugin).get(1).id().toString();
        assertThat(diff(owner, org, plugin, system).getList("changed")).isEmpty();
        JsonPath target = diff(owner, org, plugin, release);
        assertThat(target.getList("added")).isEmpty();
        assertThat(target.getList("removed")).isEmpty();
        // the cloud object carries the pinned content again: only the skipped one differs
        assertThat(target.getList("changed.config_object_id")).containsExactly(synced);
        as(owner)
                .get(base(org.id()) + "/config-objects/" + cloud + "/latest")
                .then()
                .body("item.content", is(Library.SKILL.replace("pdf-tools", "cloud-skill")));
    }

    @Test
    void aRollbackThatFailsAtTheEndWritesNothing() {
        TestOrg org = TestOrg.create();
        String owner = org.ownerToken();
        String kept = Library.createSkill(owner, org.id(), "kept-skill");
        String extra = Library.createSkill(owner, org.id(), "extra-skill");
        String plugin = Library.createPlugin(owner, org.id(), "Atomic");
        Releases.addMember(owner, org, plugin, kept);
        String release = Releases.cut(owner, org, plugin);
        Releases.newVersion(owner, org, kept, "kept-skill-v2");
        Releases.addMember(owner, org, plugin, extra);
        long outbox = Outbox.total();
        long keptVersions = versions(kept);
        // the system release is the last write of the rollback: refusing it must undo the rest
        Releases.execute("CREATE FUNCTION test_refuse_release_" + plugin.replace('-', '_') + "() RETURNS trigger"
                + " LANGUAGE plpgsql AS $$ BEGIN IF NEW.plugin_id = '" + plugin + "' THEN"
                + " RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$");
        String trigger = "test_refuse_" + plugin.replace('-', '_');
        Releases.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON plugin_release FOR EACH ROW"
                + " EXECUTE FUNCTION test_refuse_release_" + plugin.replace('-', '_') + "()");
        try {
            as(owner).post(Releases.rollbackPath(org, plugin, release)).then().statusCode(500);
        } finally {
            Releases.execute("DROP TRIGGER " + trigger + " ON plugin_release");
        }
        assertThat(versions(kept)).isEqualTo(keptVersions);
        assertThat(Outbox.total()).isEqualTo(outbox);
        assertThat(Releases.of(plugin)).hasSize(1);
        assertThat(count(
                        "SELECT count(*) FROM plugin_config_object WHERE plugin_id = ? AND removed_at IS NULL",
                        uuid(plugin)))
                .isEqualTo(2);
        // and without the obstacle the same rollback goes through
        as(owner).post(Releases.rollbackPath(org, plugin, release)).then().statusCode(201);
        assertThat(versions(kept)).isEqualTo(keptVersions + 1);
    }

    @Test
    void rollbackNeedsEditorOnThePluginAndTheRightToChangeEachObject() {
        TestOrg org = TestOrg.create();
        TestOrg other = TestOrg.create();
        String owner = org.ownerToken();
        String skill = Library.createSkill(owner, org.id(), "owned-skill");
        String plugin = Library.createPlugin(owner, org.id(), "Guarded");
        Releases.addMember(owner, org, plugin, skill);
        String release = Releases.cut(owner, org, plugin);
        Releases.newVersion(owner, org, skill, "owned-skill-v2");
        String path = Releases.rollbackPath(org, plugin, release);
        long before = Outbox.total();

        // not shared yet: the plugin is invisible to the organisation's editor; other organisations get 404
        as(org.editorToken()).post(path).then().statusCode(404);
        as(other.ownerToken()).post(path).then().statusCode(404);
        as(owner)
                .post(Releases.rollbackPath(org, plugin, UUID.randomUUID().toString()))
                .then()
                .statusCode(404);
        String grants = base(org.id()) + "/plugins/" + plugin + "/grants";
        as(owner)
                .body("{\"org_wide\": true, \"role\": \"viewer\"}")
                .post(grants)
                .then()
                .statusCode(201);
        as(org.viewerToken()).post(path).then().statusCode(403);
        as(owner)
                .body("{\"org_wide\": true, \"role\": \"editor\"}")
                .post(grants)
                .then()
                .statusCode(201);
        // editor on the plugin, but only a viewer of the object (through the plugin): its content stays
        as(org.editorToken())
                .post(path)
                .then()
                .statusCode(403)
                .body("type", endsWith("/missing-resource-role"))
                .body("action", is("plugin:rollback"))
                .body("config_object_ids", contains(skill))
                .body("errors[0].pointer", is("/config_objects/" + skill))
                .body("errors[0].message", containsString("editor role on the object; yours is viewer"));
        long grantWrites = 4; // two grants: each a plugin.grant.changed and an access_change release event
        assertThat(Outbox.total()).isEqualTo(before + grantWrites);
        assertThat(versions(skill)).isEqualTo(2);
        // an editor of the object may write the pinned content as a new version
        as(owner)
                .body("{\"org_wide\": true, \"role\": \"editor\"}")
                .post(base(org.id()) + "/config-objects/" + skill + "/grants")
                .then()
                .statusCode(201);
        as(org.editorToken()).post(path).then().statusCode(201);
        assertThat(versions(skill)).isEqualTo(3);
        // bringing a deleted object back needs manager on it; the organisation admin has it
        as(owner).delete(base(org.id()) + "/config-objects/" + skill).then().statusCode(200);
        as(org.editorToken())
                .post(path)
                .then()
                .statusCode(403)
                .body("errors[0].message", containsString("manager role on the object; yours is editor"));
        assertThat(versions(skill)).isEqualTo(4);
        as(owner).post(path).then().statusCode(201);
        assertThat(versions(skill)).isEqualTo(5);
        as(owner).get(base(org.id()) + "/config-objects/" + skill).then().body("item.status", is("active"));
    }
}
