package io.plugsync.api.mcp;

import static io.plugsync.api.draft.V3Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tools act as the caller: its role and organisation decide, exactly as on the HTTP API. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class AgentPermissionsTest {
    private static final Map<String, Object> SETTINGS = Map.of("region", "us");

    @Test
    void viewerCannotCallWriteTools() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        try (Agent viewer = Agent.connect(org.viewerToken())) {
            assertThat(viewer.ok("get_draft", Map.of("connector_id", id)).getInteger("base_version"))
                    .isEqualTo(1);
            List<Map<String, Object>> writes = List.of(
                    Map.of(
                            "tool",
                            "patch_draft",
                            "args",
                            Map.of("connector_id", id, "patch", Map.of("settings", SETTINGS))),
                    Map.of("tool", "put_settings", "args", Map.of("connector_id", id, "settings", SETTINGS)),
                    Map.of(
                            "tool",
                            "put_entity",
                            "args",
                            Map.of(
                                    "connector_id",
                                    id,
                                    "name",
                                    "deal",
                                    "entity",
                                    Map.of("fields", Map.of("id", Map.of("type", "string"))))),
                    Map.of("tool", "delete_entity", "args", Map.of("connector_id", id, "name", "contact")),
                    Map.of(
                            "tool",
                            "put_event_flow",
                            "args",
                            Map.of(
                                    "connector_id",
                                    id,
                                    "source",
                                    "hubspot",
                                    "type",
                                    "contact.updated",
                                    "flow",
                                    Map.of("entity", "contact"))),
                    Map.of(
                            "tool",
                            "delete_event_flow",
                            "args",
                            Map.of("connector_id", id, "source", "hubspot", "type", "contact.created")),
                    Map.of("tool", "reset_draft", "args", Map.of("connector_id", id)),
                    Map.of("tool", "restore_version", "args", Map.of("connector_id", id, "version", 1)),
                    Map.of("tool", "rebase_draft", "args", Map.of("connector_id", id)),
                    Map.of("tool", "request_review", "args", Map.of("connector_id", id, "summary", "please")));
            for (Map<String, Object> write : writes) {
                @SuppressWarnings("unchecked")
                Map<String, Object> args = (Map<String, Object>) write.get("args");
                assertThat(viewer.error((String) write.get("tool"), args))
                        .as("%s", write.get("tool"))
                        .contains("missing-capability")
                        .contains("connector:config:write");
            }
        }
        assertThat(V3Api.count(
                        "SELECT count(*) FROM connector_config_draft_changes WHERE connector_id = ?::uuid"
                                + " AND writer_kind = 'mcp'",
                        id))
                .isZero();
    }

    @Test
    void anotherOrganisationsConnectorIsNotFound() {
        TestOrg mine = TestOrg.create();
        TestOrg theirs = TestOrg.create();
        String id = V3Api.publishedConnector(theirs);
        try (Agent agent = Agent.connect(mine.ownerToken())) {
            for (String tool : List.of("get_draft", "get_active", "list_versions", "diff", "validate_draft")) {
                assertThat(agent.error(tool, Map.of("connector_id", id)))
                        .as(tool)
                        .contains("not-found");
            }
            assertThat(agent.error("patch_draft", Map.of("connector_id", id, "patch", Map.of("settings", SETTINGS))))
                    .contains("not-found");
            assertThat(agent.error("publish", Map.of("connector_id", id))).contains("not-found");
            assertThat(agent.error("request_review", Map.of("connector_id", id, "summary", "x")))
                    .contains("not-found");
        }
        String region = as(theirs.ownerToken())
                .get("/api/connectors/" + id + "/draft")
                .then()
                .statusCode(200)
                .extract()
                .path("document.settings.region");
        assertThat(region).isEqualTo("eu");
    }

    @Test
    void everyMcpWriteIsJournalledWithWriterKindMcpAndTheTokenSubject() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        try (Agent agent = Agent.connect(org.editorToken())) {
            agent.ok("patch_draft", Map.of("connector_id", id, "patch", Map.of("settings", SETTINGS)));
            agent.ok(
                    "put_entity",
                    Map.of(
                            "connector_id",
                            id,
                            "name",
                            "deal",
                            "entity",
                            Map.of("fields", Map.of("id", Map.of("type", "string")))));
            agent.ok(
                    "put_event_flow",
                    Map.of(
                            "connector_id",
                            id,
                            "source",
                            "hubspot",
                            "type",
                            "deal.created",
                            "flow",
                            Map.of("entity", "deal")));
            agent.ok("delete_event_flow", Map.of("connector_id", id, "source", "hubspot", "type", "deal.created"));
            agent.ok("delete_entity", Map.of("connector_id", id, "name", "deal"));
            agent.ok("put_settings", Map.of("connector_id", id, "settings", Map.of("region", "ap")));
            agent.ok("reset_draft", Map.of("connector_id", id));
            agent.ok("put_settings", Map.of("connector_id", id, "settings", Map.of("region", "sa")));
            agent.ok("restore_version", Map.of("connector_id", id, "version", 1));
            agent.ok("request_review", Map.of("connector_id", id, "summary", "restored version 1"));
        }
        JsonArray items = new JsonObject(as(org.viewerToken())
                        .get("/api/connectors/" + id + "/draft/history?limit=50")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .getJsonArray("items");
        List<JsonObject> mcp = items.stream()
                .map(i -> (JsonObject) i)
                .filter(i -> "mcp".equals(i.getString("writer_kind")))
                .toList();
        assertThat(mcp.stream().map(i -> i.getString("action")))
                .containsExactly(
                        "review_requested",
                        "restore",
                        "put_settings",
                        "reset",
                        "put_settings",
                        "delete_entity",
                        "delete_event_flow",
                        "put_event_flow",
                        "put_entity",
                        "patch");
        assertThat(mcp).allSatisfy(i -> assertThat(i.getString("actor")).isEqualTo("editor-" + org.id()));
    }

    @Test
    void withAgentPublishAllowedTheAgentPublishesWithCompareAndSet() {
        TestOrg org = TestOrg.create();
        McpFixtures.setAgentPublish(org, "allowed");
        String id = V3Api.publishedConnector(org);
        try (Agent agent = Agent.connect(org.editorToken())) {
            agent.ok("patch_draft", Map.of("connector_id", id, "patch", Map.of("settings", SETTINGS)));
            // a person publishes version 2 meanwhile: the agent's base (1) is stale
            V3Api.patch(org.ownerToken(), id, "{\"settings\": {\"region\": \"us\", \"tier\": \"gold\"}}")
                    .then()
                    .statusCode(200);
            V3Api.publish(org.ownerToken(), id, 1).then().statusCode(201);
            String conflict = agent.error("publish", Map.of("connector_id", id, "base_version", 1));
            assertThat(conflict)
                    .contains("stale-base-version")
                    .contains("active_version: 2")
                    .contains("rebase_draft");
            agent.ok("patch_draft", Map.of("connector_id", id, "patch", Map.of("settings", Map.of("tier", "silver"))));
            JsonObject published =
                    agent.ok("publish", Map.of("connector_id", id, "base_version", 2, "message", "silver tier"));
            assertThat(published.getInteger("version")).isEqualTo(3);
            JsonObject active = agent.ok("get_active", Map.of("connector_id", id));
            assertThat(active.getString("published_by_kind")).isEqualTo("mcp");
            assertThat(active.getString("message")).isEqualTo("silver tier");
        }
    }

    @Test
    void staleRevisionIsRefusedWithTheCurrentRevision() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        try (Agent agent = Agent.connect(org.editorToken())) {
            long revision = agent.ok("get_draft", Map.of("connector_id", id)).getLong("revision");
            V3Api.patch(org.ownerToken(), id, "{\"settings\": {\"region\": \"us\"}}")
                    .then()
                    .statusCode(200);
            assertThat(agent.error(
                            "patch_draft",
                            Map.of(
                                    "connector_id",
                                    id,
                                    "patch",
                                    Map.of("settings", Map.of("region", "ap")),
                                    "if_revision",
                                    revision)))
                    .contains("stale-revision")
                    .contains("get_draft");
        }
    }
}
