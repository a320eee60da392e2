package io.plugsync.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkiverse.mcp.server.test.McpAssured.ToolsPage;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** An MCP client session over Streamable HTTP acting with one bearer token, as an AI agent would. */
final class Agent implements AutoCloseable {
    private final McpStreamableTestClient client;

    private Agent(McpStreamableTestClient client) {
        this.client = client;
    }

    static Agent connect(String token) {
        McpStreamableTestClient client = McpAssured.newStreamableClient()
                .setName("plugsync-test-agent")
                .setAdditionalHeaders(
                        message -> MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + token))
                .build()
                .connect();
        return new Agent(client);
    }

    McpStreamableTestClient client() {
        return client;
    }

    ToolsPage tools() {
        AtomicReference<ToolsPage> page = new AtomicReference<>();
        client.when().toolsList(page::set).thenAssertResults();
        return page.get();
    }

    ToolResponse call(String tool, Map<String, Object> arguments) {
        AtomicReference<ToolResponse> response = new AtomicReference<>();
        client.when().toolsCall(tool, arguments, response::set).thenAssertResults();
        return response.get();
    }

    /** Calls a tool that must succeed and returns its JSON result. */
    JsonObject ok(String tool, Map<String, Object> arguments) {
        ToolResponse response = call(tool, arguments);
        assertThat(response.isError()).as("%s failed: %s", tool, text(response)).isFalse();
        return new JsonObject(text(response));
    }

    /** Calls a tool that must fail with a tool error and returns its message. */
    String error(String tool, Map<String, Object> arguments) {
        ToolResponse response = call(tool, arguments);
        assertThat(response.isError())
                .as("%s should fail: %s", tool, text(response))
                .isTrue();
        return text(response);
    }

    static String text(ToolResponse response) {
        return response.content().get(0).asText().text();
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
