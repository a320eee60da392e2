package io.plugsync.api.library.object;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static io.plugsync.api.library.Library.count;
import static io.plugsync.api.library.Library.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Config objects: versions, projection, latest, archive, delete, restore, search. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class ConfigObjectApiTest {

    @Test
    void createProjectsTheSkillFrontmatterAndWritesTheFirstVersion() {
        TestOrg org = TestOrg.create();
        String id = as(org.editorToken())
                .body(Library.skillBody("pdf-tools"))
                .post(base(org.id()) + "/config-objects")
                .then()
                .statusCode(201)
                .body("item.title", is("pdf-tools"))
                .body("item.description", is("Fill and merge PDF forms"))
                .body("item.object_type", is("skill"))
                .body("item.source_mode", is("cloud"))
                .body("item.status", is("active"))
                .body("item.current_file_name", is("SKILL.md"))
                .body("item.your_role", is("manager"))
                .extract()
                .path("item.id");
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + id + "/latest")
                .then()
                .statusCode(200)
                .body("item.content", is(Library.SKILL))
                .body("item.payload.name", is("pdf-tools"))
                .body("item.is_deleted_version", is(false));
        assertThat(count("SELECT count(*) FROM config_object_version WHERE config_object_id = ?", uuid(id)))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_type = ? AND aggregate_id = ? AND event_type = ?",
                        OutboxContract.CONFIG_OBJECT,
                        id,
                        OutboxContract.CONFIG_OBJECT_VERSION_CREATED.name()))
                .isEqualTo(1);
    }

    @Test
    void updateAddsAnImmutableVersionAndRefreshesTheProjection() {
        TestOrg org = TestOrg.create();
        String id = Library.createSkill(org.editorToken(), org.id(), "first-name");
        String firstVersion = as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + id + "/latest")
                .then()
                .extract()
                .path("item.id");
        as(org.editorToken())
                .body("{\"content\": " + Library.json(Library.SKILL.replace("pdf-tools", "second-name")) + "}")
                .put(base(org.id()) + "/config-objects/" + id)
                .then()
                .statusCode(200)
                .body("item.title", is("second-name"));
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + id + "/versions")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[1].id", is(firstVersion))
                .body("next_cursor", nullValue());
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + id + "/versions/" + firstVersion)
                .then()
                .statusCode(200)
                .body("item.payload.name", is("first-name"));
    }

    @Test
    void deleteWritesATerminalVersionAndRestoreBringsItBack() {
        TestOrg org = TestOrg.create();
        String id = Library.createSkill(org.editorToken(), org.id(), "gone-soon");
        as(org.editorToken())
                .delete(base(org.id()) + "/config-objects/" + id)
                .then()
                .statusCode(200);
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + id + "/latest")
                .then()
                .body("item.is_deleted_version", is(true));
        as(org.editorToken()).get(base(org.id()) + "/config-objects").then().body("items.id", not(hasItem(id)));
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects?status=deleted")
                .then()
                .body("items.id", hasItem(id));
        as(org.editorToken())
                .delete(base(org.id()) + "/config-objects/" + id)
                .then()
                .statusCode(409)
                .body("type", endsWith("object-deleted"));
        as(org.editorToken())
                .post(base(org.id()) + "/config-objects/" + id + "/restore")
                .then()
                .statusCode(200)
                .body("item.status", is("active"))
                .body("item.title", is("gone-soon"));
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + id + "/latest")
                .then()
                .body("item.is_deleted_version", is(false))
                .body("item.payload.name", is("gone-soon"));
        assertThat(count("SELECT count(*) FROM config_object_version WHERE config_object_id = ?", uuid(id)))
                .isEqualTo(3);
    }

    @Test
    void archiveHidesFromTheDefaultListAndRestoreReactivates() {
        TestOrg org = TestOrg.create();
        String id = Library.createSkill(org.editorToken(), org.id(), "old-news");
        as(org.editorToken())
                .post(base(org.id()) + "/config-objects/" + id + "/archive")
                .then()
                .statusCode(200)
                .body("item.status", is("archived"));
        as(org.editorToken())
                .body("{\"content\": \"x\"}")
                .put(base(org.id()) + "/config-objects/" + id)
                .then()
                .statusCode(409);
        String other = Library.createSkill(org.editorToken(), org.id(), "still-news");
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(other))
                .body("items.id", not(hasItem(id)));
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects?status=archived")
                .then()
                .body("items.id", hasItem(id))
                .body("items.id", not(hasItem(other)));
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects?include_archived=true")
                .then()
                .body("items.id", hasItem(id))
                .body("items.id", hasItem(other));
        as(org.editorToken())
                .post(base(org.id()) + "/config-objects/" + id + "/restore")
                .then()
                .statusCode(200)
                .body("item.status", is("active"));
        as(org.editorToken()).get(base(org.id()) + "/config-objects").then().body("items.id", hasItem(id));
    }

    @Test
    void includeArchivedStillHidesDeletedObjects() {
        TestOrg org = TestOrg.create();
        String id = Library.createSkill(org.editorToken(), org.id(), "deleted-news");
        as(org.editorToken())
                .delete(base(org.id()) + "/config-objects/" + id)
                .then()
                .statusCode(200);
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects?include_archived=true")
                .then()
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void listFiltersByTypeAndSearchesTheProjection() {
        TestOrg org = TestOrg.create();
        String skill = Library.createSkill(org.editorToken(), org.id(), "invoice-helper");
        String mcp = as(org.editorToken())
                .body("{\"object_type\": \"mcp\", \"content\": "
                        + Library.json("{\"mcpServers\": {\"billing\": {\"command\": \"billing-mcp\"}}}") + "}")
                .post(base(org.id()) + "/config-objects")
                .then()
                .statusCode(201)
                .body("item.title", is("billing"))
                .extract()
                .path("item.id");
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects?object_type=mcp")
                .then()
                .body("items.id", hasItem(mcp))
                .body("items.id", not(hasItem(skill)));
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects?q=invoice-helper")
                .then()
                .body("items.id", hasItem(skill))
                .body("items.id", not(hasItem(mcp)));
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects?limit=1")
                .then()
                .body("items", hasSize(1))
                .body("next_cursor", not(nullValue()));
    }

    @Test
    void pagesFollowTheCursorWithoutRepeats() {
        TestOrg org = TestOrg.create();
        String a = Library.createSkill(org.editorToken(), org.id(), "a-skill");
        String b = Library.createSkill(org.editorToken(), org.id(), "b-skill");
        String cursor = as(org.editorToken())
                .get(base(org.id()) + "/config-objects?limit=1")
                .then()
                .body("items[0].id", is(b))
                .extract()
                .path("next_cursor");
        as(org.editorToken())
                .queryParam("cursor", cursor)
                .get(base(org.id()) + "/config-objects?limit=1")
                .then()
                .body("items[0].id", is(a));
    }
}
