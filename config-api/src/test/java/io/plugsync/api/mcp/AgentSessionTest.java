package io.plugsync.api.mcp;

import static io.plugsync.api.draft.V3Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One agent session end to end: read the draft, patch it, validate (a deliberate error, then the
 * fix), diff, publish refused by the default policy, request a review, a person publishes through
 * the HTTP API, and the agent sees the new active version.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class AgentSessionTest {

    @Test
    void agentEditsAPersonPublishes() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        try (Agent agent = Agent.connect(org.editorToken())) {
            JsonObject draft = agent.ok("get_draft", Map.of("connector_id", id));
            assertThat(draft.getInteger("base_version")).isEqualTo(1);
            assertThat(draft.getBoolean("has_unpublished_changes")).isFalse();
            long revision = draft.getLong("revision");

            JsonObject patched = agent.ok(
                    "patch_draft",
                    Map.of(
                            "connector_id",
                            id,
                            "patch",
                            Map.of("settings", Map.of("region", "us", "batch_size", 50)),
                            "if_revision",
                            revision));
            assertThat(patched.getJsonObject("document")
                            .getJsonObject("settings")
                            .getString("region"))
                    .isEqualTo("us");
            assertThat(patched.getBoolean("has_unpublished_changes")).isTrue();

            // a deliberate error: a flow for an entity that does not exist, and a field type that is not one
            Map<String, Object> broken = Map.of(
                    "event_flows",
                    Map.of("hubspot/deal.created", Map.of("entity", "deal")),
                    "entities",
                    Map.of("company", Map.of("fields", Map.of("domain", Map.of("type", "text")))));
            JsonObject invalid = agent.ok("validate_draft", Map.of("connector_id", id, "patch", broken));
            assertThat(invalid.getBoolean("valid")).isFalse();
            assertThat(pointers(invalid.getJsonArray("errors")))
                    .anyMatch(p -> p.startsWith("/event_flows/hubspot~1deal.created"))
                    .anyMatch(p -> p.startsWith("/entities/company/fields/domain"));
            String refused = agent.error("patch_draft", Map.of("connector_id", id, "patch", broken));
            assertThat(refused).contains("validation-failed").contains("/entities/company/fields/domain");

            Map<String, Object> fixed = Map.of(
                    "event_flows",
                    Map.of("hubspot/company.created", Map.of("entity", "company")),
                    "entities",
                    Map.of("company", Map.of("fields", Map.of("domain", Map.of("type", "string")))));
            assertThat(agent.ok("validate_draft", Map.of("connector_id", id, "patch", fixed))
                            .getBoolean("valid"))
                    .isTrue();
            agent.ok("patch_draft", Map.of("connector_id", id, "patch", fixed));
            assertThat(agent.ok("validate_draft", Map.of("connector_id", id)).getBoolean("valid"))
                    .isTrue();

            JsonObject diff = agent.ok("diff", Map.of("connector_id", id));
            assertThat(diff.getBoolean("has_changes")).isTrue();
            assertThat(diff.getString("from")).isEqualTo("active");
            assertThat(diff.getString("to")).isEqualTo("draft");
            assertThat(diff.getJsonObject("summary").encode()).contains("company");

            String publishRefused = agent.error("publish", Map.of("connector_id", id));
            assertThat(publishRefused).contains("agent_publish = never").contains("request_review");
            assertThat(agent.ok("get_draft", Map.of("connector_id", id)).getInteger("active_version"))
                    .isEqualTo(1);

            JsonObject review = agent.ok(
                    "request_review",
                    Map.of("connector_id", id, "summary", "Adds companies from HubSpot and moves the region to us"));
            assertThat(review.getJsonArray("changed_paths").encode()).contains("/entities/company");

            // a person reviews the journal and publishes through the HTTP API
            JsonObject latest = new JsonObject(as(org.ownerToken())
                            .get("/api/connectors/" + id + "/draft/history")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .getJsonArray("items")
                    .getJsonObject(0);
            assertThat(latest.getString("action")).isEqualTo("review_requested");
            assertThat(latest.getString("writer_kind")).isEqualTo("mcp");
            assertThat(latest.getJsonObject("detail").getString("summary")).contains("companies");
            as(org.ownerToken())
                    .contentType(ContentType.JSON)
                    .body("{\"base_version\": 1, \"message\": \"reviewed agent change\"}")
                    .post("/api/connectors/" + id + "/publish")
                    .then()
                    .statusCode(201);

            JsonObject active = agent.ok("get_active", Map.of("connector_id", id));
            assertThat(active.getInteger("version")).isEqualTo(2);
            assertThat(active.getString("published_by")).isEqualTo("owner-" + org.id());
            assertThat(active.getJsonObject("document")
                            .getJsonObject("entities")
                            .containsKey("company"))
                    .isTrue();
            JsonObject after = agent.ok("get_draft", Map.of("connector_id", id));
            assertThat(after.getBoolean("has_unpublished_changes")).isFalse();
            assertThat(after.getInteger("base_version")).isEqualTo(2);
            assertThat(agent.ok("list_versions", Map.of("connector_id", id))
                            .getJsonArray("items")
                            .size())
                    .isEqualTo(2);
        }
    }

    private static List<String> pointers(JsonArray errors) {
        return errors.stream().map(e -> ((JsonObject) e).getString("pointer")).toList();
    }
}
