package io.plugsync.dispatcher.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.plugsync.common.outbox.ConnectorVersionPublished;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.OperatorTokens;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.dispatcher.support.ReplicaProbe;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dead events are visible and retryable by operators; the drift check repairs the replica. */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
class OutboxAdminTest {
    Connection db;
    PublishFixture fixture;
    ReplicaProbe probe;

    @BeforeEach
    void setUp() throws Exception {
        db = PlugSyncTestEngines.jdbc();
        fixture = new PublishFixture(db);
        probe = ReplicaProbe.ofTestEngines();
    }

    @AfterEach
    void tearDown() throws Exception {
        probe.close();
        db.close();
    }

    @Test
    void unknownAggregateTypeIsParkedDeadAndListed() throws Exception {
        UUID event = fixture.rawEvent("mystery", UUID.randomUUID().toString(), "mystery.happened", "{}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fixture.delivery(event).deadAt() != null);
        assertThat(fixture.delivery(event).lastError()).contains("no outbox handler for aggregate type 'mystery'");
        assertThat(fixture.delivery(event).deliveredAt()).isNull();

        assertThat(allDead()).anySatisfy(item -> {
            assertThat(item.getString("id")).isEqualTo(event.toString());
            assertThat(item.getString("aggregate_type")).isEqualTo("mystery");
            assertThat(item.getString("last_error")).contains("no outbox handler");
        });
    }

    @Test
    void retriedDeadEventIsDeliveredOnceItsCauseIsFixed() throws Exception {
        UUID connector = fixture.newConnector();
        // an event that points at a version that does not exist yet: permanent failure, parked dead
        UUID early = fixture.event(new ConnectorVersionPublished(
                connector, fixture.organizationOf(connector), 1, "sha256:unknown", OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fixture.delivery(early).deadAt() != null);
        assertThat(fixture.delivery(early).lastError()).contains("has no published version 1");

        PublishFixture.Published v1 = fixture.publish(connector, PublishFixture.document(1, "late"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fixture.delivery(v1.eventId()).deliveredAt() != null);

        given().auth()
                .oauth2(OperatorTokens.operator())
                .post("/admin/outbox/dead/{id}/retry", early)
                .then()
                .statusCode(200)
                .body("retried", equalTo(1));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fixture.delivery(early).deliveredAt() != null);
        assertThat(fixture.delivery(early).deadAt()).isNull();
        assertThat(probe.activeVersion(connector)).contains(1);
    }

    @Test
    void retryOfUnknownEventIsProblem404() {
        given().auth()
                .oauth2(OperatorTokens.operator())
                .post("/admin/outbox/dead/{id}/retry", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void adminEndpointsNeedTheOperatorRole() {
        given().get("/admin/outbox/dead").then().statusCode(401);
        given().auth()
                .oauth2(OperatorTokens.orgOwner())
                .get("/admin/outbox/dead")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(OperatorTokens.orgOwner())
                .post("/admin/outbox/drift-check")
                .then()
                .statusCode(403);
    }

    @Test
    void driftCheckRepairsAMissingActivePointer() throws Exception {
        UUID connector = fixture.newConnector();
        PublishFixture.Published v1 = fixture.publish(connector, PublishFixture.document(1, "drift"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fixture.delivery(v1.eventId()).deliveredAt() != null);
        probe.deleteActivePointer(connector);
        assertThat(probe.activeVersion(connector)).isEmpty();

        given().auth()
                .oauth2(OperatorTokens.operator())
                .post("/admin/outbox/drift-check")
                .then()
                .statusCode(200)
                .body("missing", greaterThanOrEqualTo(1))
                .body("repaired", greaterThanOrEqualTo(1))
                .body("drifted.connector_id", hasItem(connector.toString()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> probe.activeVersion(connector).isPresent());
        assertThat(probe.activeVersion(connector)).contains(1);

        // in sync again: the next check repairs nothing for it
        given().auth()
                .oauth2(OperatorTokens.operator())
                .post("/admin/outbox/drift-check")
                .then()
                .statusCode(200)
                .body("drifted.connector_id", org.hamcrest.Matchers.not(hasItem(connector.toString())));
    }

    @Test
    void metricsExposeBacklogLagAndTargets() throws Exception {
        UUID connector = fixture.newConnector();
        PublishFixture.Published v1 = fixture.publish(connector, PublishFixture.document(1, "metrics"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fixture.delivery(v1.eventId()).deliveredAt() != null);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("plugsync_dispatcher_replica_lag_seconds_bucket"))
                .body(containsString("plugsync_dispatcher_outbox_undelivered"))
                .body(containsString("plugsync_dispatcher_outbox_oldest_undelivered_seconds"))
                .body(containsString("plugsync_dispatcher_outbox_dead"))
                .body(containsString("plugsync_dispatcher_deliveries_total{outcome=\"success\",target=\"dynamodb\"}"))
                .body(containsString("plugsync_dispatcher_deliveries_total{outcome=\"success\",target=\"sqs\"}"));
    }

    private List<JsonPath> allDead() {
        List<JsonPath> out = new java.util.ArrayList<>();
        String cursor = "";
        do {
            JsonPath page = given().auth()
                    .oauth2(OperatorTokens.operator())
                    .queryParam("limit", 100)
                    .queryParam("cursor", cursor)
                    .get("/admin/outbox/dead")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            int size = page.getList("items").size();
            for (int i = 0; i < size; i++) {
                out.add(new JsonPath(page.prettify()).setRootPath("items[" + i + "]"));
            }
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return out;
    }
}
