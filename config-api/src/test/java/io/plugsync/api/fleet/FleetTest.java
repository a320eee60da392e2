package io.plugsync.api.fleet;

import static io.plugsync.api.draft.V3Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.common.replica.WorkerBuckets;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Worker reports (credentials, rate limit, validation) and the fleet view (targets, lag, pages). */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class FleetTest {
    @Inject
    FleetPruner pruner;

    static Response report(String token, String id, String body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/connectors/" + id + "/fleet/reports");
    }

    static String body(String worker, int version) {
        return "{\"worker_id\":\"" + worker + "\",\"version\":" + version + ",\"events\":10,\"errors\":1}";
    }

    static String worker(TestOrg org, String id) {
        return PlugSyncTestEngines.workerToken("worker", org.id(), UUID.fromString(id));
    }

    /** A worker id that a rollout at {@code basisPoints} reaches (or not). */
    static String workerId(String id, int basisPoints, boolean reached) {
        return IntStream.range(0, 100_000)
                .mapToObj(i -> "pod-" + i)
                .filter(w -> WorkerBuckets.reaches(basisPoints, UUID.fromString(id), w) == reached)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aWorkerReportsWithItsCredentialAndTooSoonIsRefusedWithRetryAfter() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        report(worker(org, id), id, body("pod-1", 1))
                .then()
                .statusCode(202)
                .body("worker_id", is("pod-1"))
                .body("version", is(1))
                .body("received_at", notNullValue())
                .body("counted", is(false))
                .body("rollout_id", nullValue());
        report(worker(org, id), id, body("pod-1", 1))
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", endsWith("report-rate-limited"))
                .body("retry_after_seconds", greaterThanOrEqualTo(1));
        report(worker(org, id), id, body("pod-2", 1)).then().statusCode(202);
    }

    @Test
    void onlyAWorkerCredentialForThisConnectorMayReport() {
        TestOrg org = TestOrg.create();
        TestOrg other = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        String sibling = V3Api.publishedConnector(org);
        report(org.editorToken(), id, body("pod-1", 1))
                .then()
                .statusCode(403)
                .body("type", endsWith("missing-capability"))
                .body("missing_capability", is("connector:fleet:report"));
        report(other.ownerToken(), id, body("pod-1", 1)).then().statusCode(404);
        report(worker(org, sibling), id, body("pod-1", 1)).then().statusCode(404);
        report(PlugSyncTestEngines.workerToken("w", other.id(), UUID.fromString(id)), id, body("pod-1", 1))
                .then()
                .statusCode(404);
        as(worker(org, id)).get("/api/connectors/" + id).then().statusCode(404);
        as(worker(org, id)).get("/api/connectors/" + id + "/fleet").then().statusCode(404);
    }

    @Test
    void aBadReportNamesEveryField() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        report(
                        worker(org, id),
                        id,
                        "{\"worker_id\":\"has space\",\"group\":\"Eu\",\"version\":-1,\"events\":2,\"errors\":3}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/worker_id", "/group", "/version", "/errors"));
        report(worker(org, id), id, "{\"version\":1}")
                .then()
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/worker_id"));
        report(worker(org, id), id, "{\"worker_id\":\"a\",\"version\":1,\"surprise\":true}")
                .then()
                .statusCode(400);
    }

    @Test
    void theFleetViewShowsEachWorkersTargetAndLagDuringARollout() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        V3Api.patch(org.editorToken(), id, "{\"settings\":{\"region\":\"us\"}}")
                .then()
                .statusCode(200);
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"base_version\": 1, \"rollout\": \"canary:10%/10m\"}")
                .post("/api/connectors/" + id + "/publish")
                .then()
                .statusCode(201);
        String canary = workerId(id, 1_000, true);
        String other = workerId(id, 1_000, false);
        report(worker(org, id), id, body(canary, 1)).then().statusCode(202).body("counted", is(true));
        report(worker(org, id), id, body(other, 1)).then().statusCode(202);

        String first = as(org.viewerToken())
                .queryParam("limit", 1)
                .get("/api/connectors/" + id + "/fleet")
                .then()
                .statusCode(200)
                .body("active_version", is(2))
                .body("serving_version", is(1))
                .body("summary.workers", is(2))
                .body("summary.versions[0].version", is(1))
                .body("summary.versions[0].workers", is(2))
                .body("rollout.state", is("in_progress"))
                .body("rollout.candidate_version", is(2))
                .body("rollout.steps.size()", is(2))
                .body("items.size()", is(1))
                .extract()
                .path("next_cursor");
        assertThat(first).isNotNull();
        var all = as(org.viewerToken())
                .get("/api/connectors/" + id + "/fleet")
                .then()
                .statusCode(200)
                .body("next_cursor", nullValue())
                .extract()
                .jsonPath();
        assertThat(all.getInt("items.find { it.worker_id == '" + canary + "' }.target_version"))
                .isEqualTo(2);
        assertThat(all.getBoolean("items.find { it.worker_id == '" + canary + "' }.on_target"))
                .isFalse();
        assertThat(all.getInt("items.find { it.worker_id == '" + other + "' }.target_version"))
                .isEqualTo(1);
        assertThat(all.getBoolean("items.find { it.worker_id == '" + other + "' }.on_target"))
                .isTrue();
        assertThat(all.getInt("items.find { it.worker_id == '" + other + "' }.lag_seconds"))
                .isZero();
        as(TestOrg.create().ownerToken())
                .get("/api/connectors/" + id + "/fleet")
                .then()
                .statusCode(404);
        as(org.viewerToken())
                .queryParam("cursor", "!!")
                .get("/api/connectors/" + id + "/fleet")
                .then()
                .statusCode(400);
    }

    @Test
    void workersThatStoppedReportingLeaveTheFleet() throws Exception {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        report(worker(org, id), id, body("gone", 1)).then().statusCode(202);
        report(worker(org, id), id, body("here", 1)).then().statusCode(202);
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement old = db.prepareStatement("UPDATE fleet_worker SET last_report_at = now() - interval"
                        + " '8 days' WHERE connector_id = ? AND worker_id = 'gone'")) {
            old.setObject(1, UUID.fromString(id));
            old.executeUpdate();
        }

        assertThat(pruner.prune().await().atMost(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(1);

        as(org.viewerToken())
                .get("/api/connectors/" + id + "/fleet")
                .then()
                .body("items.worker_id", containsInAnyOrder("here"));
    }
}
