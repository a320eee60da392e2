package io.plugsync.api.foundation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.DevKeys;
import io.plugsync.engines.DevTokens;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every API endpoint needs a valid bearer token; health, metrics and OpenAPI do not. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class AuthTest {

    @Test
    void requestWithoutTokenIs401() {
        given().when().get("/api/connectors").then().statusCode(401);
    }

    @Test
    void garbageTokenIs401() {
        given().auth().oauth2("x.y.z").when().get("/api/connectors").then().statusCode(401);
    }

    @Test
    void expiredTokenIs401() {
        TestOrg org = TestOrg.create();
        String expired =
                PlugSyncTestEngines.expiredToken("someone", Map.of(org.id().toString(), "owner"));
        given().auth().oauth2(expired).when().get("/api/connectors").then().statusCode(401);
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() {
        String forged = DevTokens.mint(DevKeys.generate().privateKey(), "mallory", Map.of(), Duration.ofMinutes(5));
        given().auth().oauth2(forged).when().get("/api/connectors").then().statusCode(401);
    }

    @Test
    void validTokenIsAccepted() {
        TestOrg org = TestOrg.create();
        given().auth()
                .oauth2(org.viewerToken())
                .when()
                .get("/api/connectors")
                .then()
                .statusCode(200);
    }

    @Test
    void readinessListsTheDatabaseChecksWithoutAToken() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check"));
    }

    @Test
    void metricsAndOpenApiArePublic() {
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
