package io.plugsync.api.rollout;

import static io.plugsync.api.draft.V3Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Rollout defaults of organisations and connectors: roles, validation, what a publish finds. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class RolloutDefaultsTest {

    static Response put(String token, String path, String rollout) {
        return as(token)
                .contentType(ContentType.JSON)
                .body("{\"rollout\": " + rollout + "}")
                .put(path);
    }

    @Test
    void organisationDefaultsAreSetByAdminsAndReadByMembers() {
        TestOrg org = TestOrg.create();
        String path = "/v1/orgs/" + org.id() + "/rollout-defaults";
        as(org.viewerToken())
                .get(path)
                .then()
                .statusCode(200)
                .body("item.organization", nullValue())
                .body("item.effective.strategy", is("all_at_once"))
                .body("item.effective_spec", is("all_at_once"));
        put(org.editorToken(), path, "\"linear:25%/10m\"")
                .then()
                .statusCode(403)
                .body("type", endsWith("missing-capability"));
        put(org.ownerToken(), path, "\"linear:25%/10m/bake=1h\"")
                .then()
                .statusCode(200)
                .body("item.organization.strategy", is("linear"))
                .body("item.organization.step_percent", is(25.0f))
                .body("item.organization.bake_time", is("1h"))
                .body("item.effective_spec", is("linear:25%/10m/bake=1h"));
        as(TestOrg.create().ownerToken()).get(path).then().statusCode(404);
        as(org.ownerToken()).delete(path).then().statusCode(204);
        as(org.viewerToken()).get(path).then().body("item.organization", nullValue());
    }

    @Test
    void connectorDefaultsAreSetByEditorsAndValidated() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        String path = "/api/connectors/" + id + "/rollout-defaults";
        put(org.viewerToken(), path, "\"canary:10%/5m\"").then().statusCode(403);
        put(TestOrg.create().ownerToken(), path, "\"canary:10%/5m\"").then().statusCode(404);
        put(org.editorToken(), path, "{\"strategy\":\"canary\",\"percent\":0}")
                .then()
                .statusCode(422)
                .body("errors.pointer", contains("/rollout/percent"));
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{}")
                .put(path)
                .then()
                .statusCode(422)
                .body("errors.pointer", contains("/rollout"));
        put(org.editorToken(), path, "\"canary:10%/5m\"")
                .then()
                .statusCode(200)
                .body("item.connector.strategy", is("canary"))
                .body("item.effective_spec", is("canary:10%/5m/bake=10m"));
        as(org.editorToken()).delete(path).then().statusCode(204);
        as(org.viewerToken()).get(path).then().statusCode(200).body("item.connector", nullValue());
    }
}
