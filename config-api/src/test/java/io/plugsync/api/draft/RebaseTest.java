package io.plugsync.api.draft;

import static io.plugsync.api.draft.V3Api.as;
import static io.plugsync.api.draft.V3Api.patch;
import static io.plugsync.api.draft.V3Api.publish;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Rebase turns a stale draft into one based on the active version: non-overlapping changes merge,
 * overlapping ones are listed (409) until the caller picks a side.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class RebaseTest {

    /**
     * A connector at v2 (published by someone else) whose draft is still based on v1. The draft
     * is rewritten directly in the table to simulate a second editor's draft started at v1: the API
     * has one draft per connector, so a stale base arises when a publish races a local edit.
     */
    private static String staleDraft(TestOrg org, String activeEdit, String draftSettings) {
        String id = V3Api.publishedConnector(org);
        patch(org.editorToken(), id, activeEdit).then().statusCode(200);
        publish(org.editorToken(), id, 1).then().statusCode(201);
        // back to v1's document plus the draft's own edit, based on v1
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"version\": 1}")
                .post("/api/connectors/" + id + "/draft/restore")
                .then()
                .statusCode(200);
        V3Api.execute("UPDATE connector_config_drafts SET base_version = 1 WHERE connector_id = '" + id + "'");
        patch(org.editorToken(), id, draftSettings).then().statusCode(200);
        return id;
    }

    private static Response rebase(TestOrg org, String id, String body) {
        return as(org.editorToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/connectors/" + id + "/draft/rebase");
    }

    @Test
    void nonOverlappingChangesMergeAndThenPublish() {
        TestOrg org = TestOrg.create();
        String id = staleDraft(org, "{\"settings\":{\"a\":1}}", "{\"settings\":{\"b\":2}}");
        publish(org.editorToken(), id, 1).then().statusCode(409).body("type", endsWith("stale-base-version"));
        rebase(org, id, "{}")
                .then()
                .statusCode(200)
                .body("base_version", is(2))
                .body("document.settings.a", is(1))
                .body("document.settings.b", is(2))
                .body("document.settings.region", is("eu"));
        publish(org.editorToken(), id, 2).then().statusCode(201).body("version", is(3));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft/history")
                .then()
                .body("items[1].action", is("rebase"))
                .body("items[1].detail.to_version", is(2));
    }

    @Test
    void overlappingChangesAreConflictsUntilResolved() {
        TestOrg org = TestOrg.create();
        String id = staleDraft(
                org, "{\"settings\":{\"region\":\"us\"}}", "{\"settings\":{\"region\":\"ap\",\"mine\":true}}");
        rebase(org, id, "{}")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("rebase-conflict"))
                .body("active_version", is(2))
                .body("conflicts.size()", is(1))
                .body("conflicts[0].pointer", is("/settings/region"))
                .body("conflicts[0].draft_value", is("ap"))
                .body("conflicts[0].active_value", is("us"))
                .body("conflicts[0].base_value", is("eu"));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft")
                .then()
                .body("base_version", is(1))
                .body("document.settings.region", is("ap"));
        rebase(org, id, "{\"resolutions\": {\"/settings/region\": \"sideways\"}}")
                .then()
                .statusCode(422);
        rebase(org, id, "{\"resolutions\": {\"/settings/region\": \"active\"}}")
                .then()
                .statusCode(200)
                .body("base_version", is(2))
                .body("document.settings.region", is("us"))
                .body("document.settings.mine", is(true));
    }
}
