package io.plugsync.api.source;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.source.SourceFixtures.bind;
import static io.plugsync.api.source.SourceFixtures.mapping;
import static io.plugsync.api.source.SourceFixtures.queued;
import static io.plugsync.api.source.SourceFixtures.synced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.plugsync.api.library.Library;
import io.plugsync.api.source.SourceFixtures.Shared;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Mappings: creator recorded, PATCH, delete or retire, resyncs of synced targets, plugin binding
 * rights, flat and nested routes.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class MappingLifecycleApiTest {
    static final String SKILLS = "{\"selector\": \"/skills/**\", \"object_type\": \"skill\"}";

    @Test
    void anInstanceEditorCreatesAMappingAndIsRecordedAsItsCreator() {
        Shared s = SourceFixtures.shared();
        String mappings = s.base() + "/connector-targets/" + s.target() + "/mappings";
        as(s.viewer())
                .body(SKILLS)
                .post(mappings)
                .then()
                .statusCode(403)
                .body(containsString("connector_instance:update"));
        as(s.outsider()).body(SKILLS).post(mappings).then().statusCode(404);
        as(TestOrg.create().ownerToken()).body(SKILLS).post(mappings).then().statusCode(404);
        String id = as(s.editor())
                .body(SKILLS)
                .post(mappings)
                .then()
                .statusCode(201)
                .body("item.connector_target_id", is(s.target()))
                .body("item.created_by_org_membership_id", is(s.member("editor").toString()))
                .body("item.status", is("active"))
                .extract()
                .path("item.id");
        assertThat(SourceFixtures.scalar(
                        "SELECT created_by_org_membership_id FROM connector_mapping WHERE id = ?", UUID.fromString(id)))
                .isEqualTo(s.member("editor"));
        as(s.viewer()).get(mappings).then().statusCode(200).body("items.id", hasItem(id));
        as(s.viewer())
                .get(s.base() + "/connector-instances/" + s.instance() + "/mappings/" + id)
                .then()
                .statusCode(200)
                .body("item.created_by_org_membership_id", is(s.member("editor").toString()));
    }

    @Test
    void theFlatRouteTakesItsTargetFromThePath() {
        Shared s = SourceFixtures.shared();
        String mappings = s.base() + "/connector-targets/" + s.target() + "/mappings";
        as(s.editor())
                .body("{\"connector_target_id\": \"" + UUID.randomUUID() + "\", \"selector\": \"/x/**\","
                        + " \"object_type\": \"skill\"}")
                .post(mappings)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/connector_target_id"));
        as(s.editor())
                .body(SKILLS)
                .post(s.base() + "/connector-targets/" + UUID.randomUUID() + "/mappings")
                .then()
                .statusCode(404);
        assertThat(Library.count(
                        "SELECT count(*) FROM connector_mapping WHERE connector_target_id = ?",
                        UUID.fromString(s.target())))
                .isZero();
    }

    @Test
    void addingAMappingToASyncedTargetQueuesOneResync() {
        Shared s = SourceFixtures.shared();
        String mappings = s.base() + "/connector-targets/" + s.target() + "/mappings";
        as(s.editor()).body(SKILLS).post(mappings).then().statusCode(201).body("queued_sync_event_id", nullValue());
        synced(s.target(), "a".repeat(40), "skills/a/SKILL.md");
        assertThat(queued(s.target())).isZero();

        String first = as(s.editor())
                .body("{\"selector\": \"/agents/*.md\", \"object_type\": \"agent\"}")
                .post(mappings)
                .then()
                .statusCode(201)
                .body("queued_sync_event_id", notNullValue())
                .extract()
                .path("queued_sync_event_id");
        String second = as(s.editor())
                .body("{\"connector_target_id\": \"" + s.target()
                        + "\", \"selector\": \"/commands/*.md\", \"object_type\": \"command\"}")
                .post(s.base() + "/connector-instances/" + s.instance() + "/mappings")
                .then()
                .statusCode(201)
                .extract()
                .path("queued_sync_event_id");
        assertThat(second).as("de-duplicated with the waiting resync").isEqualTo(first);
        assertThat(queued(s.target())).isEqualTo(1);
        as(s.viewer())
                .get(s.base() + "/connector-sync-events/" + first)
                .then()
                .statusCode(200)
                .body("item.event_type", is("config_change"))
                .body("item.summary.requested_by", is("editor-" + s.org().id()));
    }

    @Test
    void patchChangesAnActiveMappingAndQueuesAResyncOfASyncedTarget() {
        Shared s = SourceFixtures.shared();
        String id = mapping(s, "/skills/**");
        synced(s.target(), "b".repeat(40), "skills/a/SKILL.md");
        String url = s.base() + "/connector-mappings/" + id;
        as(s.viewer()).body("{\"selector\": \"/x/**\"}").patch(url).then().statusCode(403);
        as(s.editor())
                .body("{\"selector\": \"/x//y\", \"object_type\": \"nope\", \"mapping_config\": 3}")
                .patch(url)
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors.pointer", hasItem("/selector"))
                .body("errors.pointer", hasItem("/object_type"))
                .body("errors.pointer", hasItem("/mapping_config"));
        as(s.editor()).body("{\"mapping_kind\": \"api\"}").patch(url).then().statusCode(400);
        as(s.editor())
                .body("{\"auto_add_to_plugin\": true}")
                .patch(url)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/auto_add_to_plugin"));
        assertThat(queued(s.target())).as("rejected changes queue nothing").isZero();
        as(s.editor())
                .body("{\"selector\": \"/skills/**\"}")
                .patch(url)
                .then()
                .statusCode(200)
                .body("queued_sync_event_id", nullValue());

        as(s.editor())
                .body("{\"selector\": \"/sales/skills/**\", \"mapping_config\": {\"parser_mode\": \"opencode\"}}")
                .patch(url)
                .then()
                .statusCode(200)
                .body("item.selector", is("/sales/skills/**"))
                .body("item.object_type", is("skill"))
                .body("item.mapping_config.parser_mode", is("opencode"))
                .body("queued_sync_event_id", notNullValue());
        assertThat(queued(s.target())).isEqualTo(1);
        as(s.editor())
                .body("{\"object_type\": \"agent\"}")
                .patch(s.base() + "/connector-instances/" + s.instance() + "/mappings/" + id)
                .then()
                .statusCode(200)
                .body("item.object_type", is("agent"))
                .body("item.selector", is("/sales/skills/**"));
        assertThat(queued(s.target())).isEqualTo(1);
    }

    @Test
    void bindingAMappingToAPluginNeedsEditRightsOnThePlugin() {
        Shared s = SourceFixtures.shared();
        String id = mapping(s, "/skills/**");
        String url = s.base() + "/connector-mappings/" + id;
        String plugin = Library.createPlugin(s.org().ownerToken(), s.org().id(), "Sales");
        String bind = "{\"plugin_id\": \"" + plugin + "\", \"auto_add_to_plugin\": true}";
        as(s.editor()).body(bind).patch(url).then().statusCode(422).body("errors[0].pointer", is("/plugin_id"));
        String grant = as(s.org().ownerToken())
                .body("{\"org_membership_id\": \"" + s.member("editor") + "\", \"role\": \"viewer\"}")
                .post(s.base() + "/plugins/" + plugin + "/grants")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
        as(s.editor()).body(bind).patch(url).then().statusCode(403).body(containsString("plugin:update_members"));
        as(s.org().ownerToken())
                .delete(s.base() + "/plugins/" + plugin + "/grants/" + grant)
                .then()
                .statusCode(204);
        as(s.org().ownerToken())
                .body("{\"org_membership_id\": \"" + s.member("editor") + "\", \"role\": \"editor\"}")
                .post(s.base() + "/plugins/" + plugin + "/grants")
                .then()
                .statusCode(201);
        as(s.editor())
                .body(bind)
                .patch(url)
                .then()
                .statusCode(200)
                .body("item.plugin_id", is(plugin))
                .body("item.auto_add_to_plugin", is(true));
        as(s.editor())
                .body("{\"plugin_id\": null, \"auto_add_to_plugin\": false}")
                .patch(url)
                .then()
                .statusCode(200)
                .body("item.plugin_id", nullValue());
        as(s.editor())
                .body("{\"plugin_id\": \"not-a-uuid\"}")
                .patch(url)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/plugin_id"));
    }

    @Test
    void deletingAnUnsyncedMappingDeletesIt() {
        Shared s = SourceFixtures.shared();
        String id = mapping(s, "/skills/**");
        as(s.viewer()).delete(s.base() + "/connector-mappings/" + id).then().statusCode(403);
        as(s.editor()).delete(s.base() + "/connector-mappings/" + id).then().statusCode(204);
        assertThat(Library.count("SELECT count(*) FROM connector_mapping WHERE id = ?", UUID.fromString(id)))
                .isZero();
        as(s.editor()).delete(s.base() + "/connector-mappings/" + id).then().statusCode(404);
    }

    @Test
    void deletingAMappingThatHasSyncedRetiresItAndQueuesAResync() {
        Shared s = SourceFixtures.shared();
        String id = mapping(s, "/skills/**");
        bind(s, id);
        synced(s.target(), "c".repeat(40), "skills/a/SKILL.md");
        String url = s.base() + "/connector-mappings/" + id;
        String queuedId = as(s.editor())
                .delete(url)
                .then()
                .statusCode(200)
                .body("item.id", is(id))
                .body("item.status", is("retired"))
                .body("item.retired_at", notNullValue())
                .body("queued_sync_event_id", notNullValue())
                .extract()
                .path("queued_sync_event_id");
        assertThat(SourceFixtures.status(queuedId)).isEqualTo("queued");
        as(s.editor()).delete(url).then().statusCode(200).body("item.status", is("retired"));
        assertThat(queued(s.target())).isEqualTo(1);
        as(s.editor())
                .body("{\"selector\": \"/x/**\"}")
                .patch(url)
                .then()
                .statusCode(409)
                .body("type", endsWith("mapping-retired"));
        String list = s.base() + "/connector-targets/" + s.target() + "/mappings";
        as(s.viewer()).get(list).then().statusCode(200).body("items.id", not(hasItem(id)));
        as(s.viewer()).get(list + "?status=retired").then().statusCode(200).body("items.id", hasItem(id));
        as(s.viewer())
                .get(s.base() + "/connector-instances/" + s.instance() + "/mappings?status=retired")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as(s.viewer()).get(list + "?status=gone").then().statusCode(400).body("errors[0].pointer", is("query:status"));
        as(s.viewer()).get(url).then().statusCode(200).body("item.status", is("retired"));
    }
}
