package io.plugsync.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkiverse.mcp.server.test.McpAssured.ToolAnnotations;
import io.quarkiverse.mcp.server.test.McpAssured.ToolInfo;
import io.quarkiverse.mcp.server.test.McpAssured.ToolsPage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** tools/list: every tool, with a description, a JSON input schema and honest annotations. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class ToolCatalogTest {
    static final Set<String> READ_ONLY = Set.of(
            "list_connectors",
            "get_draft",
            "get_active",
            "get_version",
            "list_versions",
            "validate_draft",
            "diff",
            "search_config_objects",
            "get_config_object",
            "list_my_plugins",
            "get_my_plugin",
            "get_review",
            "get_rollout",
            "get_fleet");
    static final Set<String> DESTRUCTIVE = Set.of(
            "delete_entity", "delete_event_flow", "put_settings", "reset_draft", "restore_version", "abort_rollout");
    static final Set<String> OTHER_WRITES = Set.of(
            "patch_draft",
            "put_entity",
            "put_event_flow",
            "rebase_draft",
            "publish",
            "request_review",
            "pause_rollout",
            "promote_rollout");

    @Test
    void everyToolIsListedWithSchemaAndAnnotations() {
        TestOrg org = TestOrg.create();
        try (Agent agent = Agent.connect(org.viewerToken())) {
            ToolsPage page = agent.tools();
            Set<String> expected = new java.util.HashSet<>(READ_ONLY);
            expected.addAll(DESTRUCTIVE);
            expected.addAll(OTHER_WRITES);
            assertThat(page.tools().stream().map(ToolInfo::name)).containsExactlyInAnyOrderElementsOf(expected);
            for (ToolInfo tool : page.tools()) {
                assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(40);
                JsonObject schema = tool.inputSchema();
                assertThat(schema.getString("type")).as(tool.name()).isEqualTo("object");
                ToolAnnotations annotations = tool.annotations().orElseThrow();
                assertThat(annotations.readOnlyHint()).as(tool.name()).isEqualTo(READ_ONLY.contains(tool.name()));
                assertThat(annotations.destructiveHint()).as(tool.name()).isEqualTo(DESTRUCTIVE.contains(tool.name()));
                if (!tool.name().equals("list_connectors")
                        && !tool.name().startsWith("search_")
                        && !tool.name().equals("get_config_object")
                        && !tool.name().endsWith("_my_plugins")
                        && !tool.name().equals("get_my_plugin")) {
                    assertThat(schema.getJsonObject("properties").containsKey("connector_id"))
                            .as(tool.name())
                            .isTrue();
                    assertThat(schema.getJsonArray("required").getList())
                            .as(tool.name())
                            .contains("connector_id");
                }
            }
            JsonObject patch = page.findByName("patch_draft").inputSchema();
            assertThat(patch.getJsonObject("properties").getJsonObject("patch").getString("type"))
                    .isEqualTo("object");
            assertThat(patch.getJsonArray("required").getList()).containsExactlyInAnyOrder("connector_id", "patch");
            JsonObject publish = page.findByName("publish").inputSchema();
            assertThat(publish.getJsonObject("properties").fieldNames())
                    .containsExactlyInAnyOrder("connector_id", "base_version", "message");
            assertThat(publish.getJsonArray("required").getList()).containsExactly("connector_id");
        }
    }

    @Test
    void draftAndActiveDocumentsAreResources() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        V3Api.patch(org.editorToken(), id, "{\"settings\": {\"region\": \"us\"}}")
                .then()
                .statusCode(200);
        try (Agent agent = Agent.connect(org.viewerToken())) {
            AtomicReference<String> draft = new AtomicReference<>();
            AtomicReference<String> active = new AtomicReference<>();
            agent.client()
                    .when()
                    .resourcesTemplatesList(page -> assertThat(page.templates().stream()
                                    .map(t -> t.uriTemplate())
                                    .toList())
                            .containsAll(List.of(ConnectorResources.DRAFT, ConnectorResources.ACTIVE)))
                    .resourcesRead(
                            "plugsync://connectors/" + id + "/draft",
                            r -> draft.set(r.contents().get(0).asText().text()))
                    .resourcesRead(
                            "plugsync://connectors/" + id + "/active",
                            r -> active.set(r.contents().get(0).asText().text()))
                    .thenAssertResults();
            assertThat(new JsonObject(draft.get()).getJsonObject("settings").getMap())
                    .isEqualTo(Map.of("region", "us"));
            assertThat(new JsonObject(active.get()).getJsonObject("settings").getMap())
                    .isEqualTo(Map.of("region", "eu"));
        }
    }
}
