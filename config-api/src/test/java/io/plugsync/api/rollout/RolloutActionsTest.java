package io.plugsync.api.rollout;

import static io.plugsync.api.draft.V3Api.as;
import static io.plugsync.api.draft.V3Api.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.plugsync.api.support.TestOrg;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Pause, resume, promote, abort: who may, in which state, and what each writes. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class RolloutActionsTest {

    static Response act(String token, String id, String action) {
        return as(token).post("/api/connectors/" + id + "/rollout/" + action);
    }

    static Response actAs(String token, String writer, String id, String action) {
        return as(token).header("X-PlugSync-Writer", writer).post("/api/connectors/" + id + "/rollout/" + action);
    }

    static String rolling(TestOrg org) {
        String id = Rollouts.connectorReadyForVersionTwo(org);
        Rollouts.publish(org.editorToken(), id, 1, "\"linear:25%/10m\"").then().statusCode(201);
        return id;
    }

    @Test
    void pauseHoldsTheStepAndResumeContinuesIt() {
        TestOrg org = TestOrg.create();
        String id = rolling(org);
        act(org.editorToken(), id, "pause")
                .then()
                .statusCode(200)
                .body("item.state", is("paused"))
                .body("item.next_step_at", nullValue())
                .body("item.paused_remaining_seconds", greaterThan(500));
        act(org.editorToken(), id, "pause")
                .then()
                .statusCode(409)
                .body("type", endsWith("rollout-not-in-progress"))
                .body("rollout_state", is("paused"));
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"after the incident review\"}")
                .post("/api/connectors/" + id + "/rollout/resume")
                .then()
                .statusCode(200)
                .body("item.state", is("in_progress"))
                .body("item.next_step_at", notNullValue());
        act(org.editorToken(), id, "resume").then().statusCode(409).body("type", endsWith("rollout-not-paused"));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft/history")
                .then()
                .body("items[0].action", is("rollout_resumed"))
                .body("items[1].action", is("rollout_paused"));
    }

    @Test
    void promoteFinishesNowForEveryWorker() {
        TestOrg org = TestOrg.create();
        String id = rolling(org);
        act(org.editorToken(), id, "promote")
                .then()
                .statusCode(200)
                .body("item.state", is("completed"))
                .body("item.reason", is("promoted by editor-" + org.id() + " (api)"));
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?"
                                + " AND payload->>'state' = 'completed' AND payload->>'basis_points' = '10000'",
                        id,
                        OutboxContract.CONNECTOR_ROLLOUT_MOVED.name()))
                .isEqualTo(1);
        act(org.editorToken(), id, "abort").then().statusCode(409).body("type", endsWith("no-open-rollout"));
        Rollouts.edit(org, id, "v3");
        Rollouts.publish(org.editorToken(), id, 2, "\"canary:10%/10m\"")
                .then()
                .statusCode(201)
                .body("rollout.stable_version", is(2));
    }

    @Test
    void abortSendsEveryWorkerBackToTheStableVersion() {
        TestOrg org = TestOrg.create();
        String id = rolling(org);
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"wrong region\"}")
                .post("/api/connectors/" + id + "/rollout/abort")
                .then()
                .statusCode(200)
                .body("item.state", is("aborted"))
                .body("item.reason", is("wrong region"))
                .body("item.moves[1].state", is("aborted"))
                .body("item.moves[1].percent", is(0.0f));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft/history")
                .then()
                .body("items[0].action", is("rollout_aborted"))
                .body("items[0].detail.reason", is("wrong region"));
    }

    @Test
    void viewersReadButDoNotActAndOtherOrganisationsSeeNothing() {
        TestOrg org = TestOrg.create();
        TestOrg other = TestOrg.create();
        String id = rolling(org);
        as(org.viewerToken()).get("/api/connectors/" + id + "/rollout").then().statusCode(200);
        act(org.viewerToken(), id, "abort")
                .then()
                .statusCode(403)
                .body("type", endsWith("missing-capability"))
                .body("missing_capability", is(RolloutService.MANAGE));
        act(other.ownerToken(), id, "abort").then().statusCode(404);
        as(other.ownerToken()).get("/api/connectors/" + id + "/rollout").then().statusCode(404);
        as(other.ownerToken()).get("/api/connectors/" + id + "/rollouts").then().statusCode(404);
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/rollouts/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404);
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"" + "x".repeat(1001) + "\"}")
                .post("/api/connectors/" + id + "/rollout/pause")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/reason"));
        String fresh = Rollouts.connectorReadyForVersionTwo(org);
        as(org.viewerToken())
                .get("/api/connectors/" + fresh + "/rollout")
                .then()
                .statusCode(404)
                .body("type", endsWith("no-rollout"));
    }

    @Test
    void agentsMayStopARolloutButPromoteOnlyWhereAgentsMayPublish() {
        TestOrg org = TestOrg.create();
        String id = rolling(org);
        actAs(org.editorToken(), "agent", id, "promote")
                .then()
                .statusCode(403)
                .body("type", endsWith("missing-capability"))
                .body("agent_publish", is("never"));
        actAs(org.editorToken(), "agent", id, "pause").then().statusCode(200);
        actAs(org.editorToken(), "agent", id, "resume").then().statusCode(403);
        as(org.ownerToken())
                .contentType(ContentType.JSON)
                .body("{\"agent_publish\": \"allowed\"}")
                .patch("/v1/orgs/" + org.id() + "/settings")
                .then()
                .statusCode(200);
        actAs(org.editorToken(), "agent", id, "resume").then().statusCode(200);
        actAs(org.editorToken(), "agent", id, "promote")
                .then()
                .statusCode(200)
                .body("item.state", is("completed"))
                .body("item.reason", is("promoted by editor-" + org.id() + " (agent)"));
    }

    @Test
    void rolloutAndFleetRoutesNeedAToken() {
        TestOrg org = TestOrg.create();
        String id = rolling(org);
        String c = "/api/connectors/" + id;
        String[][] routes = {
            {"GET", c + "/rollout"},
            {"GET", c + "/rollouts"},
            {"POST", c + "/rollout/abort"},
            {"GET", c + "/fleet"},
            {"POST", c + "/fleet/reports"},
            {"GET", c + "/rollout-defaults"},
            {"PUT", c + "/rollout-defaults"},
            {"GET", "/v1/orgs/" + org.id() + "/rollout-defaults"}
        };
        for (String[] route : routes) {
            io.restassured.RestAssured.given()
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .request(route[0], route[1])
                    .then()
                    .statusCode(401);
        }
        as(org.viewerToken()).get(c + "/rollout").then().body("item.state", is("in_progress"));
    }
}
