package io.plugsync.api.mcp;

import static io.plugsync.api.draft.V3Api.as;
import static io.plugsync.api.draft.V3Api.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The MCP writer hits the same publish gate: with agents allowed to publish and one approval
 * required, {@code publish} is refused until a person approved the review {@code request_review}
 * returned, then publishes once.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class GovernedPublishToolTest {

    @Test
    void publishIsRefusedUntilAPersonApprovedTheReviewThenSucceedsOnce() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        McpFixtures.setAgentPublish(org, "allowed");
        as(org.ownerToken())
                .contentType(ContentType.JSON)
                .body("{\"required_approvals\": 1}")
                .patch("/v1/orgs/" + org.id() + "/settings")
                .then()
                .statusCode(200);
        try (Agent agent = Agent.connect(org.editorToken())) {
            agent.ok("patch_draft", Map.of("connector_id", id, "patch", Map.of("settings", Map.of("region", "us"))));
            String noReview = agent.error("publish", Map.of("connector_id", id));
            assertThat(noReview).contains("review-required").contains("request_review");

            JsonObject review = agent.ok("request_review", Map.of("connector_id", id, "summary", "move to the US"));
            String reviewId = review.getString("review_id");
            assertThat(UUID.fromString(reviewId)).isNotNull();
            assertThat(review.getBoolean("created")).isTrue();
            assertThat(review.getString("state")).isEqualTo("pending");
            assertThat(review.getInteger("missing_approvals")).isEqualTo(1);

            String missing = agent.error("publish", Map.of("connector_id", id));
            assertThat(missing).contains("approvals-missing").contains("missing_approvals: 1");
            // the agent cannot approve its own change, even over HTTP
            as(org.editorToken())
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .post("/api/connectors/" + id + "/reviews/" + reviewId + "/approve")
                    .then()
                    .statusCode(403);
            as(org.ownerToken())
                    .contentType(ContentType.JSON)
                    .header("X-PlugSync-Writer", "dashboard")
                    .body("{\"comment\": \"ok\"}")
                    .post("/api/connectors/" + id + "/reviews/" + reviewId + "/approve")
                    .then()
                    .statusCode(200);
            JsonObject status = agent.ok("get_review", Map.of("connector_id", id));
            assertThat(status.getString("id")).isEqualTo(reviewId);
            assertThat(status.getString("state")).isEqualTo("approved");
            assertThat(status.getJsonArray("thread").getJsonObject(0).getString("comment"))
                    .isEqualTo("ok");

            JsonObject published = agent.ok("publish", Map.of("connector_id", id, "message", "approved"));
            assertThat(published.getInteger("version")).isEqualTo(2);
            assertThat(agent.error("publish", Map.of("connector_id", id))).doesNotContain("approvals-missing");
            JsonObject closed = agent.ok("get_review", Map.of("connector_id", id, "review_id", reviewId));
            assertThat(closed.getString("state")).isEqualTo("published");
        }
        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", UUID.fromString(id)))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM connector_config_draft_changes WHERE connector_id = ?"
                                + " AND action = 'publish_refused' AND writer_kind = 'mcp'",
                        UUID.fromString(id)))
                .isEqualTo(2);
    }
}
