package io.plugsync.api.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.support.TestOrg;
import io.restassured.http.ContentType;

/** HTTP API calls a person makes around an agent session. */
final class McpFixtures {
    private McpFixtures() {}

    static void setAgentPublish(TestOrg org, String policy) {
        given().auth()
                .oauth2(org.ownerToken())
                .contentType(ContentType.JSON)
                .body("{\"agent_publish\": \"" + policy + "\"}")
                .when()
                .patch("/v1/orgs/" + org.id() + "/settings")
                .then()
                .statusCode(200)
                .body("item.agent_publish", is(policy));
    }

    static String createConnector(TestOrg org, String name) {
        return given().auth()
                .oauth2(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"kind\": \"hubspot\"}")
                .when()
                .post("/api/connectors")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
