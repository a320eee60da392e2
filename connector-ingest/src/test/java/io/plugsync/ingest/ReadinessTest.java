package io.plugsync.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** connector-ingest reports PostgreSQL readiness and serves metrics without a token. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class ReadinessTest {
    @Test
    void readinessChecksPostgres() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check"));
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
