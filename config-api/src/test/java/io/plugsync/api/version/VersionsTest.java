package io.plugsync.api.version;

import static io.plugsync.api.draft.V3Api.as;
import static io.plugsync.api.draft.V3Api.count;
import static io.plugsync.api.draft.V3Api.newConnector;
import static io.plugsync.api.draft.V3Api.patch;
import static io.plugsync.api.draft.V3Api.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Versions are read-only history; restore and reset only ever change the draft. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class VersionsTest {

    /** v1 = CONTACT, v2 = region us, v3 = region ap. */
    private static String threeVersions(TestOrg org) {
        String id = V3Api.publishedConnector(org);
        patch(org.editorToken(), id, "{\"settings\":{\"region\":\"us\"}}")
                .then()
                .statusCode(200);
        publish(org.editorToken(), id, 1).then().statusCode(201);
        patch(org.editorToken(), id, "{\"settings\":{\"region\":\"ap\"}}")
                .then()
                .statusCode(200);
        publish(org.editorToken(), id, 2).then().statusCode(201);
        return id;
    }

    @Test
    void versionsAreListedNewestFirstAndPaged() {
        TestOrg org = TestOrg.create();
        String id = threeVersions(org);
        String cursor = as(org.viewerToken())
                .get("/api/connectors/" + id + "/versions?limit=2")
                .then()
                .statusCode(200)
                .body("items.version", contains(3, 2))
                .body("items[0].is_active", is(true))
                .body("items[1].is_active", is(false))
                .body("items[0].containsKey('document')", is(false))
                .extract()
                .path("next_cursor");
        as(org.viewerToken())
                .queryParam("cursor", cursor)
                .get("/api/connectors/" + id + "/versions?limit=2")
                .then()
                .statusCode(200)
                .body("items.version", contains(1))
                .body("next_cursor", is((Object) null));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/versions/2")
                .then()
                .statusCode(200)
                .body("document.settings.region", is("us"))
                .body("based_on_version", is(1));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/active")
                .then()
                .statusCode(200)
                .body("version", is(3))
                .body("document.settings.region", is("ap"));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/versions/9")
                .then()
                .statusCode(404)
                .body("type", endsWith("unknown-version"));
        as(TestOrg.create().ownerToken())
                .get("/api/connectors/" + id + "/versions")
                .then()
                .statusCode(404);
    }

    @Test
    void restoreCopiesAnOldVersionIntoTheDraftWithoutPublishing() {
        TestOrg org = TestOrg.create();
        String id = threeVersions(org);
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"version\": 1}")
                .post("/api/connectors/" + id + "/draft/restore")
                .then()
                .statusCode(200)
                .body("document.settings.region", is("eu"))
                .body("restored_from_version", is(1))
                .body("base_version", is(3))
                .body("has_unpublished_changes", is(true));
        as(org.viewerToken()).get("/api/connectors/" + id + "/active").then().body("version", is(3));
        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", UUID.fromString(id)))
                .isEqualTo(3);
        // publishing the restored draft makes it the next version
        publish(org.editorToken(), id, 3).then().statusCode(201).body("version", is(4));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/active")
                .then()
                .body("document.settings.region", is("eu"));
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"version\": 42}")
                .post("/api/connectors/" + id + "/draft/restore")
                .then()
                .statusCode(404);
    }

    @Test
    void resetMakesTheDraftACopyOfTheActiveVersion() {
        TestOrg org = TestOrg.create();
        String id = threeVersions(org);
        patch(org.editorToken(), id, "{\"settings\":{\"region\":null,\"x\":1}}")
                .then()
                .statusCode(200);
        as(org.editorToken())
                .post("/api/connectors/" + id + "/draft/reset")
                .then()
                .statusCode(200)
                .body("document.settings.region", is("ap"))
                .body("has_unpublished_changes", is(false))
                .body("base_version", is(3));
        as(org.viewerToken()).get("/api/connectors/" + id + "/active").then().body("version", is(3));
    }

    @Test
    void publishedVersionsNeverChange() {
        TestOrg org = TestOrg.create();
        String id = threeVersions(org);
        String before = as(org.viewerToken())
                .get("/api/connectors/" + id + "/versions/1")
                .then()
                .extract()
                .path("checksum");
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"version\": 2}")
                .post("/api/connectors/" + id + "/draft/restore")
                .then()
                .statusCode(200);
        as(org.editorToken())
                .post("/api/connectors/" + id + "/draft/reset")
                .then()
                .statusCode(200);
        patch(org.editorToken(), id, "{\"settings\":{\"z\":1}}").then().statusCode(200);
        publish(org.editorToken(), id, 3).then().statusCode(201);
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/versions/1")
                .then()
                .body("checksum", is(before))
                .body("document.settings.region", is("eu"));
        // the database refuses direct changes too
        try {
            V3Api.execute("UPDATE connector_config_versions SET message = 'x' WHERE connector_id = '" + id + "'");
            throw new AssertionError("versions were mutable");
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessageContaining("immutable");
        }
    }

    @Test
    void diffShowsPatchAndSummary() {
        TestOrg org = TestOrg.create();
        String id = threeVersions(org);
        patch(
                        org.editorToken(),
                        id,
                        "{\"entities\":{\"company\":{\"fields\":{\"domain\":{\"type\":\"string\"}}}},\"settings\":{\"k\":1}}")
                .then()
                .statusCode(200);
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/diff")
                .then()
                .statusCode(200)
                .body("from", is("active"))
                .body("to", is("draft"))
                .body("has_changes", is(true))
                .body("summary.entities.added", contains("company"))
                .body("summary.settings.added", contains("k"))
                .body("patch.path", hasItem("/entities/company"));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/diff?from=1&to=3")
                .then()
                .statusCode(200)
                .body("summary.settings.changed", contains("region"))
                .body("patch[0].op", is("replace"))
                .body("patch[0].path", is("/settings/region"))
                .body("patch[0].value", is("ap"));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/diff?from=latest")
                .then()
                .statusCode(422);
    }

    @Test
    void statusReportsReplicationFromTheOutbox() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/versions/1/status")
                .then()
                .statusCode(200)
                .body("version", is(1))
                .body("committed", is(true))
                .body("replicated", is(false));
        // what the outbox-dispatcher does after writing DynamoDB and SQS
        V3Api.execute("UPDATE outbox_event SET delivered_at = now() WHERE aggregate_id = '" + id + "'");
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/versions/1/status")
                .then()
                .body("replicated", is(true))
                .body("replicated_at", notNullValue());
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/versions/2/status")
                .then()
                .statusCode(404);
    }

    @Test
    void activeIs404BeforeTheFirstPublish() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/active")
                .then()
                .statusCode(404)
                .body("active_version", is(0));
    }
}
