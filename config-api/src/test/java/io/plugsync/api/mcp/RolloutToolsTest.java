package io.plugsync.api.mcp;

import static io.plugsync.api.draft.V3Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agents read rollouts and the fleet, may stop a rollout, and promote only where agents may publish. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class RolloutToolsTest {

    static String rolling(TestOrg org) {
        String id = V3Api.publishedConnector(org);
        V3Api.patch(org.editorToken(), id, "{\"settings\":{\"region\":\"us\"}}")
                .then()
                .statusCode(200);
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"base_version\": 1, \"rollout\": \"linear:25%/10m\"}")
                .post("/api/connectors/" + id + "/publish")
                .then()
                .statusCode(201);
        return id;
    }

    @Test
    void agentsReadTheRolloutAndTheFleet() {
        TestOrg org = TestOrg.create();
        String id = rolling(org);
        try (Agent viewer = Agent.connect(org.viewerToken())) {
            assertThat(viewer.ok("get_rollout", Map.of("connector_id", id)).getString("state"))
                    .isEqualTo("in_progress");
            assertThat(viewer.ok("get_fleet", Map.of("connector_id", id)).getInteger("serving_version"))
                    .isEqualTo(1);
            assertThat(viewer.error("pause_rollout", Map.of("connector_id", id)))
                    .contains("missing-capability");
        }
        try (Agent stranger = Agent.connect(TestOrg.create().ownerToken())) {
            assertThat(stranger.error("get_rollout", Map.of("connector_id", id)))
                    .containsIgnoringCase("not found");
        }
    }

    @Test
    void anAgentMayPauseAndAbortButPromotesOnlyWhereAgentsMayPublish() {
        TestOrg org = TestOrg.create();
        String id = rolling(org);
        try (Agent agent = Agent.connect(org.editorToken())) {
            assertThat(agent.error("promote_rollout", Map.of("connector_id", id)))
                    .contains("agent_publish = allowed");
            assertThat(agent.ok("pause_rollout", Map.of("connector_id", id, "reason", "error spike"))
                            .getString("state"))
                    .isEqualTo("paused");
            as(org.ownerToken())
                    .contentType(ContentType.JSON)
                    .body("{\"agent_publish\": \"allowed\"}")
                    .patch("/v1/orgs/" + org.id() + "/settings")
                    .then()
                    .statusCode(200);
            assertThat(agent.ok("promote_rollout", Map.of("connector_id", id)).getString("state"))
                    .isEqualTo("completed");
        }
        String second = rolling(org);
        try (Agent agent = Agent.connect(org.editorToken())) {
            assertThat(agent.ok("abort_rollout", Map.of("connector_id", second)).getString("state"))
                    .isEqualTo("aborted");
        }
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft/history")
                .then()
                .body("items[0].writer_kind", is("mcp"));
    }
}
