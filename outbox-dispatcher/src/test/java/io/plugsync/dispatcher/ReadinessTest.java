package io.plugsync.dispatcher;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The dispatcher is ready only when PostgreSQL, DynamoDB and SQS answer, one check each. */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
class ReadinessTest {
    @Test
    void readinessHasOneCheckPerDependency() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("DynamoDB", "SQS", "Reactive PostgreSQL connections health check"));
    }
}
