package io.plugsync.api.library.plugin;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static io.plugsync.api.library.Library.count;
import static io.plugsync.api.library.Library.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.plugsync.api.library.Library;
import io.plugsync.api.library.Outbox;
import io.plugsync.api.support.TestOrg;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Plugin membership seen from the object: list, add, remove, the list filter and plugin_ids on create. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class ObjectPluginsApiTest {

    static String plugins(TestOrg org, String object) {
        return base(org.id()) + "/config-objects/" + object + "/plugins";
    }

    static void join(String token, TestOrg org, String object, String plugin, int status) {
        as(token)
                .body("{\"plugin_id\": \"" + plugin + "\"}")
                .post(plugins(org, object))
                .then()
                .statusCode(status);
    }

    /** Shares {@code resource} ({@code config-objects/<id>} or {@code plugins/<id>}) with the org editor at {@code role}. */
    static void shareWithEditor(TestOrg org, String resource, String role) throws Exception {
        UUID editor;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            editor = OrgFixtures.ensureMember(db, org.id(), "editor-" + org.id(), "editor");
        }
        as(org.ownerToken())
                .body("{\"org_membership_id\": \"" + editor + "\", \"role\": \"" + role + "\"}")
                .post(base(org.id()) + "/" + resource + "/grants")
                .then()
                .statusCode(201);
    }

    static long membershipEvents(String plugin) {
        return count(
                "SELECT count(*) FROM outbox_event WHERE aggregate_type = ? AND aggregate_id = ? AND event_type = ?",
                OutboxContract.PLUGIN,
                plugin,
                OutboxContract.PLUGIN_MEMBERSHIP_CHANGED.name());
    }

    @Test
    void theObjectSideAddsListsAndRemovesTheSameMembershipRowWithAnEventPerChange() {
        TestOrg org = TestOrg.create();
        String object = Library.createSkill(org.editorToken(), org.id(), "joining-skill");
        String plugin = Library.createPlugin(org.editorToken(), org.id(), "Joined");
        as(org.editorToken())
                .body("{\"plugin_id\": \"" + plugin + "\"}")
                .post(plugins(org, object))
                .then()
                .statusCode(201)
                .body("item.plugin_id", is(plugin))
                .body("item.config_object_id", is(object))
                .body("item.name", is("Joined"))
                .body("item.membership_source", is("manual"))
                .body("item.your_role", is("manager"));
        join(org.editorToken(), org, object, plugin, 200);
        as(org.editorToken())
                .get(plugins(org, object))
                .then()
                .statusCode(200)
                .body("items.plugin_id", contains(plugin));
        as(org.editorToken())
                .get(base(org.id()) + "/plugins/" + plugin + "/members")
                .then()
                .body("items.config_object_id", contains(object));
        as(org.editorToken()).delete(plugins(org, object) + "/" + plugin).then().statusCode(204);
        as(org.editorToken()).delete(plugins(org, object) + "/" + plugin).then().statusCode(404);
        as(org.editorToken()).get(plugins(org, object)).then().body("items", empty());
        assertThat(count("SELECT count(*) FROM plugin_config_object WHERE plugin_id = ?", uuid(plugin)))
                .isEqualTo(1);
        assertThat(membershipEvents(plugin)).isEqualTo(2);
        assertThat(Outbox.of(OutboxContract.PLUGIN, plugin)
                        .get(1)
                        .payload()
                        .path("config_object_id")
                        .asText())
                .isEqualTo(object);
    }

    @Test
    void theListShowsOnlyThePluginsTheCallerCanSee() throws Exception {
        TestOrg org = TestOrg.create();
        String object = Library.createSkill(org.ownerToken(), org.id(), "shared-skill");
        String seen = Library.createPlugin(org.ownerToken(), org.id(), "Seen");
        String hidden = Library.createPlugin(org.ownerToken(), org.id(), "Hidden");
        join(org.ownerToken(), org, object, seen, 201);
        join(org.ownerToken(), org, object, hidden, 201);
        shareWithEditor(org, "plugins/" + seen, "viewer");
        as(org.editorToken())
                .get(plugins(org, object))
                .then()
                .statusCode(200)
                .body("items.plugin_id", contains(seen))
                .body("items[0].your_role", is("viewer"));
        as(org.ownerToken()).get(plugins(org, object)).then().body("items.plugin_id", containsInAnyOrder(seen, hidden));
        as(org.viewerToken()).get(plugins(org, object)).then().statusCode(404);
    }

    @Test
    void joiningNeedsEditOnThePluginAndOnlySightOfTheObject() throws Exception {
        TestOrg org = TestOrg.create();
        String object = Library.createSkill(org.ownerToken(), org.id(), "visible-skill");
        String editable = Library.createPlugin(org.ownerToken(), org.id(), "Editable");
        String readable = Library.createPlugin(org.ownerToken(), org.id(), "Readable");
        String invisible = Library.createPlugin(org.ownerToken(), org.id(), "Invisible");
        // the object is invisible: 404 whatever the plugin
        join(org.editorToken(), org, object, editable, 404);
        shareWithEditor(org, "config-objects/" + object, "viewer");
        shareWithEditor(org, "plugins/" + editable, "editor");
        shareWithEditor(org, "plugins/" + readable, "viewer");
        join(org.editorToken(), org, object, editable, 201);
        as(org.editorToken())
                .body("{\"plugin_id\": \"" + readable + "\"}")
                .post(plugins(org, object))
                .then()
                .statusCode(403)
                .body("type", endsWith("/missing-resource-role"))
                .body("action", is("plugin:update_members"))
                .body("resource", is("plugin " + readable))
                .body("required_role", is("editor"))
                .body("your_role", is("viewer"));
        as(org.editorToken())
                .body("{\"plugin_id\": \"" + invisible + "\"}")
                .post(plugins(org, object))
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/plugin_id"));
        join(org.ownerToken(), org, object, readable, 201);
        as(org.editorToken())
                .delete(plugins(org, object) + "/" + readable)
                .then()
                .statusCode(403)
                .body("type", endsWith("/missing-resource-role"));
        as(org.editorToken())
                .delete(plugins(org, object) + "/" + editable)
                .then()
                .statusCode(204);
        assertThat(membershipEvents(readable)).isEqualTo(1);
    }

    @Test
    void aDeletedObjectCannotJoinAPlugin() {
        TestOrg org = TestOrg.create();
        String object = Library.createSkill(org.editorToken(), org.id(), "deleted-skill");
        String plugin = Library.createPlugin(org.editorToken(), org.id(), "Late");
        as(org.editorToken())
                .delete(base(org.id()) + "/config-objects/" + object)
                .then()
                .statusCode(200);
        as(org.editorToken())
                .body("{\"plugin_id\": \"" + plugin + "\"}")
                .post(plugins(org, object))
                .then()
                .statusCode(409)
                .body("type", endsWith("/object-deleted"));
        assertThat(membershipEvents(plugin)).isZero();
    }

    @Test
    void theObjectListFiltersByPlugin() {
        TestOrg org = TestOrg.create();
        String inside = Library.createSkill(org.editorToken(), org.id(), "inside-skill");
        String outside = Library.createSkill(org.editorToken(), org.id(), "outside-skill");
        String plugin = Library.createPlugin(org.editorToken(), org.id(), "Filter");
        join(org.editorToken(), org, inside, plugin, 201);
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects?plugin_id=" + plugin)
                .then()
                .statusCode(200)
                .body("items.id", contains(inside));
        as(org.editorToken()).delete(plugins(org, inside) + "/" + plugin).then().statusCode(204);
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects?plugin_id=" + plugin)
                .then()
                .body("items", empty());
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects")
                .then()
                .body("items.id", hasItem(outside))
                .body("items.id", hasItem(inside));
    }

    @Test
    void createWithPluginIdsJoinsEveryPluginInTheSameWrite() {
        TestOrg org = TestOrg.create();
        String a = Library.createPlugin(org.editorToken(), org.id(), "A");
        String b = Library.createPlugin(org.editorToken(), org.id(), "B");
        String body = Library.skillBody("born-in-plugins")
                .replace("}", ", \"plugin_ids\": [\"" + a + "\", \"" + b + "\", \"" + a + "\"]}");
        String object = as(org.editorToken())
                .body(body)
                .post(base(org.id()) + "/config-objects")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
        as(org.editorToken()).get(plugins(org, object)).then().body("items.plugin_id", containsInAnyOrder(a, b));
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects?plugin_id=" + b)
                .then()
                .body("items.id", contains(object));
        assertThat(membershipEvents(a)).isEqualTo(1);
        assertThat(membershipEvents(b)).isEqualTo(1);
    }

    @Test
    void createWithAnyUnusablePluginIdIsRefusedWholeAndWritesNothing() throws Exception {
        TestOrg org = TestOrg.create();
        String own = Library.createPlugin(org.editorToken(), org.id(), "Own");
        String invisible = Library.createPlugin(org.ownerToken(), org.id(), "Not yours");
        String readable = Library.createPlugin(org.ownerToken(), org.id(), "Read only");
        shareWithEditor(org, "plugins/" + readable, "viewer");
        long objects = count("SELECT count(*) FROM config_object WHERE organization_id = ?", org.id());
        long events = Outbox.total();
        String body = Library.skillBody("never-born")
                .replace(
                        "}",
                        ", \"plugin_ids\": [\"" + own + "\", \"" + UUID.randomUUID() + "\", \"" + invisible + "\", \""
                                + readable + "\"]}");
        as(org.editorToken())
                .body(body)
                .post(base(org.id()) + "/config-objects")
                .then()
                .statusCode(422)
                .body("errors.pointer", contains("/plugin_ids/1", "/plugin_ids/2", "/plugin_ids/3"))
                .body("errors.code", contains("reference", "reference", "role"));
        assertThat(count("SELECT count(*) FROM config_object WHERE organization_id = ?", org.id()))
                .isEqualTo(objects);
        assertThat(Outbox.total()).isEqualTo(events);
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects?plugin_id=" + own)
                .then()
                .body("items", empty());
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects")
                .then()
                .body("items.title", not(hasItem("never-born")));
    }
}
