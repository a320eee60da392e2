package io.plugsync.api.mcp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The MCP endpoint speaks Streamable HTTP, needs the API's bearer token and checks Origin. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class McpTransportTest {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    @Test
    void initializeHandshakeNamesTheServerAndOpensASession() {
        TestOrg org = TestOrg.create();
        try (Agent agent = Agent.connect(org.editorToken())) {
            assertThat(agent.client().initResult().serverName()).isEqualTo("plugsync-config");
            assertThat(agent.client().initResult().instructions()).contains("request_review");
            assertThat(agent.client().mcpSessionId()).isNotBlank();
        }
    }

    @Test
    void toolErrorsUseTheProtocolsCamelCaseFieldNames() {
        TestOrg org = TestOrg.create();
        var init = given().auth()
                .oauth2(org.ownerToken())
                .contentType(ContentType.JSON)
                .accept("application/json, text/event-stream")
                .body(INITIALIZE)
                .when()
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract();
        String session = init.header("Mcp-Session-Id");
        assertThat(init.body().asString()).contains("\"serverInfo\"").contains("\"protocolVersion\"");
        String body = given().auth()
                .oauth2(org.ownerToken())
                .header("Mcp-Session-Id", session)
                .contentType(ContentType.JSON)
                .accept("application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"get_config_object\",\"arguments\":{\"config_object_id\":\"x\"}}}")
                .when()
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(body).contains("\"isError\":true").doesNotContain("is_error");
    }

    @Test
    void requestWithoutTokenIs401() {
        given().contentType(ContentType.JSON)
                .accept("application/json, text/event-stream")
                .body(INITIALIZE)
                .when()
                .post("/mcp")
                .then()
                .statusCode(401);
    }

    @Test
    void foreignOriginIsRejectedEvenWithAValidToken() {
        TestOrg org = TestOrg.create();
        given().auth()
                .oauth2(org.ownerToken())
                .header("Origin", "https://evil.example")
                .contentType(ContentType.JSON)
                .accept("application/json, text/event-stream")
                .body(INITIALIZE)
                .when()
                .post("/mcp")
                .then()
                .statusCode(403);
    }

    @Test
    void localhostOriginAndNoOriginAreServed() {
        TestOrg org = TestOrg.create();
        given().auth()
                .oauth2(org.ownerToken())
                .header("Origin", "http://localhost:5173")
                .contentType(ContentType.JSON)
                .accept("application/json, text/event-stream")
                .body(INITIALIZE)
                .when()
                .post("/mcp")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(org.ownerToken())
                .contentType(ContentType.JSON)
                .accept("application/json, text/event-stream")
                .body(INITIALIZE)
                .when()
                .post("/mcp")
                .then()
                .statusCode(200);
    }

    @Test
    void foreignOriginCannotConnectAnMcpClient() {
        TestOrg org = TestOrg.create();
        McpAssured.newStreamableClient()
                .setAdditionalHeaders(message -> io.vertx.core.MultiMap.caseInsensitiveMultiMap()
                        .add("Authorization", "Bearer " + org.ownerToken())
                        .add("Origin", "http://attacker.test:8080"))
                .setExpectConnectFailure(
                        failure -> assertThat(failure.statusCode()).isEqualTo(403))
                .build()
                .connect();
    }
}
