package io.plugsync.api.draft;

import static io.plugsync.api.draft.V3Api.as;
import static io.plugsync.api.draft.V3Api.count;
import static io.plugsync.api.draft.V3Api.newConnector;
import static io.plugsync.api.draft.V3Api.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every writer edits the one draft through these endpoints; each write is validated and journalled. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class DraftEditingTest {

    @Test
    void newConnectorHasAnEmptyDraftWithEtag() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("connector_id", is(id))
                .body("revision", is(1))
                .body("base_version", is(0))
                .body("active_version", is(0))
                .body("has_unpublished_changes", is(false))
                .body("document.entities.size()", is(0));
    }

    @Test
    void mergePatchChangesTheDraftAndIsJournalledWithItsWriter() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        as(org.editorToken())
                .header("X-PlugSync-Writer", "mcp")
                .contentType("application/merge-patch+json")
                .body(
                        "{\"entities\":{\"contact\":{\"fields\":{\"email\":{\"type\":\"string\"}}}},\"settings\":{\"acc_marker\":\"m1\"}}")
                .patch("/api/connectors/" + id + "/draft")
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("has_unpublished_changes", is(true))
                .body("document.settings.acc_marker", is("m1"))
                .body("updated_by_kind", is("mcp"));
        patch(org.editorToken(), id, "{\"settings\":{\"acc_marker\":null,\"k\":1}}")
                .then()
                .statusCode(200)
                .body("document.settings.k", is(1))
                .body("document.settings.containsKey('acc_marker')", is(false));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft/history")
                .then()
                .statusCode(200)
                .body("items.size()", is(2))
                .body("items[0].writer_kind", is("api"))
                .body("items[0].paths", hasItems("/settings/acc_marker", "/settings/k"))
                .body("items[1].writer_kind", is("mcp"))
                .body("items[1].action", is("patch"))
                .body("items[1].actor", is("editor-" + org.id()))
                .body("items[1].paths", hasItem("/entities/contact"));
    }

    @Test
    void historyIsPagedNewestFirst() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        for (int i = 0; i < 3; i++) {
            patch(org.editorToken(), id, "{\"settings\":{\"n\":" + i + "}}")
                    .then()
                    .statusCode(200);
        }
        String cursor = as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft/history?limit=2")
                .then()
                .statusCode(200)
                .body("items.size()", is(2))
                .body("items[0].revision", is(4))
                .body("next_cursor", notNullValue())
                .extract()
                .path("next_cursor");
        as(org.viewerToken())
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/api/connectors/" + id + "/draft/history")
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].revision", is(2))
                .body("next_cursor", is((Object) null));
    }

    @Test
    void granularEndpointsEditOneMember() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        String base = "/api/connectors/" + id + "/draft";
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"fields\":{\"email\":{\"type\":\"string\"}},\"primary_key\":\"email\"}")
                .put(base + "/entities/contact")
                .then()
                .statusCode(200)
                .body("document.entities.contact.primary_key", is("email"));
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"entity\":\"contact\",\"action\":\"delete\"}")
                .put(base + "/event-flows/hubspot/contact.deleted")
                .then()
                .statusCode(200)
                .body("document.event_flows.'hubspot/contact.deleted'.action", is("delete"));
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"region\":\"us\"}")
                .put(base + "/settings")
                .then()
                .statusCode(200)
                .body("document.settings.region", is("us"));
        // the flow still references the entity
        as(org.editorToken())
                .delete(base + "/entities/contact")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/event_flows/hubspot~1contact.deleted/entity"))
                .body("errors[0].code", is("unknown_entity"));
        as(org.editorToken())
                .delete(base + "/event-flows/hubspot/contact.deleted")
                .then()
                .statusCode(200);
        as(org.editorToken())
                .delete(base + "/entities/contact")
                .then()
                .statusCode(200)
                .body("document.entities.size()", is(0));
        as(org.editorToken())
                .delete(base + "/entities/contact")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        patch(org.editorToken(), id, "{\"settings\":{\"a\":1}}").then().statusCode(200);
        as(org.editorToken())
                .header("If-Match", "\"1\"")
                .contentType(ContentType.JSON)
                .body("{\"settings\":{\"a\":2}}")
                .patch("/api/connectors/" + id + "/draft")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("revision", is(2));
        as(org.editorToken())
                .header("If-Match", "\"2\"")
                .contentType(ContentType.JSON)
                .body("{\"settings\":{\"a\":3}}")
                .patch("/api/connectors/" + id + "/draft")
                .then()
                .statusCode(200)
                .header("ETag", "\"3\"")
                .body("document.settings.a", is(3));
    }

    @Test
    void invalidDocumentIs422WithEveryPointerAndChangesNothing() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        patch(
                        org.editorToken(),
                        id,
                        "{\"entities\":{\"Bad\":{\"fields\":{}},\"ok\":{\"fields\":{\"f\":{\"type\":\"uuid\"}}}},"
                                + "\"event_flows\":{\"s/t\":{\"entity\":\"ghost\"}},\"extra\":1}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("validation-failed"))
                .body(
                        "errors.pointer",
                        hasItems("/entities/Bad", "/entities/ok/fields/f/type", "/event_flows/s~1t/entity", "/extra"));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft")
                .then()
                .body("revision", is(1))
                .body("document.entities.size()", is(0));
        assertThat(count(
                        "SELECT count(*) FROM connector_config_draft_changes WHERE connector_id = ?",
                        UUID.fromString(id)))
                .isEqualTo(0L);
    }

    @Test
    void badInputGivesProblemJson() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        patch(org.editorToken(), id, "{\"entities\": 5")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("malformed-json"));
        patch(org.editorToken(), id, "{\"entities\": 5}")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/entities"))
                .body("errors[0].code", is("wrong_type"));
        as(org.editorToken())
                .header("X-PlugSync-Writer", "robot")
                .contentType(ContentType.JSON)
                .body("{}")
                .patch("/api/connectors/" + id + "/draft")
                .then()
                .statusCode(400)
                .body("type", endsWith("invalid-writer"));
        patch(org.editorToken(), UUID.randomUUID().toString(), "{}")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(count("SELECT revision FROM connector_config_drafts WHERE connector_id = ?", UUID.fromString(id)))
                .isEqualTo(1L);
    }

    @Test
    void oversizedBodyIs413ProblemJson() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        String big = "{\"settings\":{\"blob\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}}";
        patch(org.editorToken(), id, big)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", endsWith("body-too-large"));
        assertThat(count("SELECT revision FROM connector_config_drafts WHERE connector_id = ?", UUID.fromString(id)))
                .isEqualTo(1L);
    }

    @Test
    void rolesAndOrganisationsAreEnforced() {
        TestOrg org = TestOrg.create();
        TestOrg other = TestOrg.create();
        String id = newConnector(org);
        patch(org.viewerToken(), id, "{\"settings\":{\"a\":1}}")
                .then()
                .statusCode(403)
                .body("missing_capability", is("connector:config:write"));
        patch(other.ownerToken(), id, "{\"settings\":{\"a\":1}}").then().statusCode(404);
        as(other.ownerToken()).get("/api/connectors/" + id + "/draft").then().statusCode(404);
        io.restassured.RestAssured.given()
                .get("/api/connectors/" + id + "/draft")
                .then()
                .statusCode(401);
        as(PlugSyncTestEngines.expiredToken(
                        "editor-" + org.id(), java.util.Map.of(org.id().toString(), "editor")))
                .get("/api/connectors/" + id + "/draft")
                .then()
                .statusCode(401);
        patch(org.ownerToken(), id, "{\"settings\":{\"a\":1}}").then().statusCode(200);
    }
}
