package io.plugsync.api.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** {@code /v1/orgs/{orgId}/settings}: the agent publish policy, 'never' by default, changed by admins. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class OrgSettingsEndpointTest {

    @Test
    void agentPublishIsNeverByDefault() {
        TestOrg org = TestOrg.create();
        given().auth()
                .oauth2(org.viewerToken())
                .when()
                .get("/v1/orgs/" + org.id() + "/settings")
                .then()
                .statusCode(200)
                .body("item.organization_id", is(org.id().toString()))
                .body("item.agent_publish", is("never"));
    }

    @Test
    void ownerAllowsAgentsToPublish() {
        TestOrg org = TestOrg.create();
        McpFixtures.setAgentPublish(org, "allowed");
        given().auth()
                .oauth2(org.editorToken())
                .when()
                .get("/v1/orgs/" + org.id() + "/settings")
                .then()
                .statusCode(200)
                .body("item.agent_publish", is("allowed"));
    }

    @Test
    void editorCannotChangeThePolicy() {
        TestOrg org = TestOrg.create();
        given().auth()
                .oauth2(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"agent_publish\": \"allowed\"}")
                .when()
                .patch("/v1/orgs/" + org.id() + "/settings")
                .then()
                .statusCode(403)
                .body("missing_capability", is("org:settings:update"));
    }

    @Test
    void unknownPolicyIs422WithPointer() {
        TestOrg org = TestOrg.create();
        given().auth()
                .oauth2(org.ownerToken())
                .contentType(ContentType.JSON)
                .body("{\"agent_publish\": \"sometimes\"}")
                .when()
                .patch("/v1/orgs/" + org.id() + "/settings")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].pointer", is("/agent_publish"));
    }

    @Test
    void anotherOrganisationsSettingsAre404() {
        TestOrg mine = TestOrg.create();
        TestOrg theirs = TestOrg.create();
        given().auth()
                .oauth2(mine.ownerToken())
                .when()
                .get("/v1/orgs/" + theirs.id() + "/settings")
                .then()
                .statusCode(404)
                .body("type", endsWith("not-found"));
        given().auth()
                .oauth2(mine.ownerToken())
                .contentType(ContentType.JSON)
                .body("{\"agent_publish\": \"allowed\"}")
                .when()
                .patch("/v1/orgs/" + theirs.id() + "/settings")
                .then()
                .statusCode(404);
    }
}
