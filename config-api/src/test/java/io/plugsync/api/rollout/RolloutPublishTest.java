package io.plugsync.api.rollout;

import static io.plugsync.api.draft.V3Api.as;
import static io.plugsync.api.draft.V3Api.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A publish with a rollout: what it writes in its transaction, and what it refuses. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class RolloutPublishTest {

    static long rolloutEvents(String id) {
        return count(
                "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?",
                id,
                OutboxContract.CONNECTOR_ROLLOUT_MOVED.name());
    }

    @Test
    void aPublishWithoutRolloutDeliversAllAtOnceAsBefore() {
        TestOrg org = TestOrg.create();
        String id = Rollouts.connectorReadyForVersionTwo(org);
        Rollouts.publish(org.editorToken(), id, 1, null)
                .then()
                .statusCode(201)
                .body("version", is(2))
                .body("rollout", nullValue());
        assertThat(count("SELECT count(*) FROM connector_rollout WHERE connector_id = ?", UUID.fromString(id)))
                .isZero();
        assertThat(rolloutEvents(id)).isZero();
    }

    @Test
    void aLinearRolloutStartsInThePublishTransaction() {
        TestOrg org = TestOrg.create();
        String id = Rollouts.connectorReadyForVersionTwo(org);
        Rollouts.publish(org.editorToken(), id, 1, "\"linear:25%/10m/bake=30m\"")
                .then()
                .statusCode(201)
                .body("version", is(2))
                .body("rollout.strategy", is("linear"))
                .body("rollout.state", is("in_progress"))
                .body("rollout.spec", is("linear:25%/10m/bake=30m"))
                .body("rollout.stable_version", is(1))
                .body("rollout.candidate_version", is(2))
                .body("rollout.step", is(0))
                .body("rollout.steps", is(4))
                .body("rollout.percent", is(25.0f))
                .body("rollout.next_step_at", notNullValue());
        UUID connector = UUID.fromString(id);
        assertThat(count(
                        "SELECT count(*) FROM connector_rollout WHERE connector_id = ? AND moves = 1"
                                + " AND state = 'in_progress'",
                        connector))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?"
                                + " AND payload->>'move' = '1' AND payload->>'basis_points' = '2500'"
                                + " AND payload->>'stable_version' = '1' AND payload->>'candidate_version' = '2'"
                                + " AND payload->>'state' = 'in_progress'",
                        id,
                        OutboxContract.CONNECTOR_ROLLOUT_MOVED.name()))
                .isEqualTo(1);
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft/history")
                .then()
                .body("items[0].action", is("rollout_started"))
                .body("items[0].detail.candidate_version", is(2))
                .body("items[1].action", is("publish"));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/rollout")
                .then()
                .statusCode(200)
                .body("item.steps.percent", contains(25.0f, 50.0f, 75.0f, 100.0f))
                .body("item.steps.status", contains("current", "pending", "pending", "pending"))
                .body("item.steps.duration_seconds", contains(600, 600, 600, 1800))
                .body("item.moves.seq", contains(1))
                .body("item.thresholds.on_breach", is("rollback"))
                .body("item.health.breached", is(false))
                .body("item.pointer_revision", is(2_000_001));
    }

    @Test
    void aPublishDuringARolloutIsRefusedAndWritesNothing() {
        TestOrg org = TestOrg.create();
        String id = Rollouts.connectorReadyForVersionTwo(org);
        Rollouts.publish(org.editorToken(), id, 1, "\"canary:10%/10m\"").then().statusCode(201);
        Rollouts.edit(org, id, "v3");
        long outbox = count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", id);

        Rollouts.publish(org.editorToken(), id, 2, null)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("rollout-in-progress"))
                .body("candidate_version", is(2))
                .body("rollout_state", is("in_progress"));

        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", UUID.fromString(id)))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", id))
                .isEqualTo(outbox);
    }

    @Test
    void aSupersedingPublishReplacesTheRolloutAndKeepsItsStableVersion() {
        TestOrg org = TestOrg.create();
        String id = Rollouts.connectorReadyForVersionTwo(org);
        Rollouts.publish(org.editorToken(), id, 1, "\"canary:10%/10m\"").then().statusCode(201);
        Rollouts.edit(org, id, "v3");

        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"base_version\": 2, \"rollout\": \"linear:50%/5m\", \"supersede_rollout\": true}")
                .post("/api/connectors/" + id + "/publish")
                .then()
                .statusCode(201)
                .body("version", is(3))
                .body("rollout.stable_version", is(1))
                .body("rollout.candidate_version", is(3));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/rollouts")
                .then()
                .statusCode(200)
                .body("items.state", contains("in_progress", "superseded"))
                .body("items[1].reason", is("superseded by version 3"));
    }

    @Test
    void aRolloutOfAFirstVersionIsRefused() {
        TestOrg org = TestOrg.create();
        String id = V3Api.newConnector(org);
        V3Api.patch(org.editorToken(), id, V3Api.CONTACT).then().statusCode(200);
        Rollouts.publish(org.editorToken(), id, 0, "\"linear:25%/10m\"")
                .then()
                .statusCode(422)
                .body("errors.pointer", contains("/rollout"))
                .body("errors.code", contains("no-stable-version"));
        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", UUID.fromString(id)))
                .isZero();
    }

    @Test
    void anInvalidRolloutIs422WithEveryFieldAndNothingIsPublished() {
        TestOrg org = TestOrg.create();
        String id = Rollouts.connectorReadyForVersionTwo(org);
        Rollouts.publish(
                        org.editorToken(),
                        id,
                        1,
                        "{\"strategy\":\"linear\",\"step_percent\":150,\"thresholds\":{\"on_breach\":\"panic\"}}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/rollout/step_percent", "/rollout/thresholds/on_breach"));
        Rollouts.publish(org.editorToken(), id, 1, "42")
                .then()
                .statusCode(422)
                .body("errors.pointer", contains("/rollout"));
        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", UUID.fromString(id)))
                .isEqualTo(1);
    }

    @Test
    void applyAndPublishTakesTheShortFormAsAQueryParameter() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        String doc = V3Api.CONTACT.replace("\"eu\"", "\"us\"");
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body(doc)
                .queryParam("rollout", "exponential:5%/1m")
                .put("/api/connectors/" + id + "/config?publish=true&base_version=1")
                .then()
                .statusCode(201)
                .body("published.version", is(2))
                .body("published.rollout.strategy", is("exponential"))
                .body("published.rollout.steps", is(6));
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body(doc.replace("\"us\"", "\"ap\""))
                .put("/api/connectors/" + id + "/config?publish=true&base_version=2&rollout=linear:soon")
                .then()
                .statusCode(422)
                .body("errors.pointer", hasItem("query:rollout"));
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body(doc)
                .queryParam("rollout", "linear:25%/1m")
                .put("/api/connectors/" + id + "/config")
                .then()
                .statusCode(422)
                .body("errors.pointer", contains("query:rollout"));
    }

    @Test
    void connectorDefaultsWinOverOrganisationDefaultsAndAnExplicitRolloutWinsOverBoth() {
        TestOrg org = TestOrg.create();
        String id = Rollouts.connectorReadyForVersionTwo(org);
        as(org.ownerToken())
                .contentType(ContentType.JSON)
                .body("{\"rollout\": \"exponential:10%/5m\"}")
                .put("/v1/orgs/" + org.id() + "/rollout-defaults")
                .then()
                .statusCode(200)
                .body("item.effective.strategy", is("exponential"));
        Rollouts.publish(org.editorToken(), id, 1, null)
                .then()
                .statusCode(201)
                .body("rollout.strategy", is("exponential"));
        Rollouts.edit(org, id, "v3");
        Rollouts.publish(org.editorToken(), id, 2, "{\"strategy\":\"all_at_once\"}")
                .then()
                .statusCode(409)
                .body("type", endsWith("rollout-in-progress"));
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body(
                        "{\"base_version\": 2, \"rollout\": {\"strategy\": \"all_at_once\"}, \"supersede_rollout\": true}")
                .post("/api/connectors/" + id + "/publish")
                .then()
                .statusCode(201)
                .body("rollout", nullValue());

        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"rollout\": {\"strategy\": \"canary\", \"groups\": [\"eu-canary\"]}}")
                .put("/api/connectors/" + id + "/rollout-defaults")
                .then()
                .statusCode(200)
                .body("item.effective.strategy", is("canary"))
                .body("item.organization.strategy", is("exponential"));
        Rollouts.edit(org, id, "v4");
        Rollouts.publish(org.editorToken(), id, 3, null)
                .then()
                .statusCode(201)
                .body("rollout.strategy", is("canary"))
                .body("rollout.groups", contains("eu-canary"))
                .body("rollout.stable_version", is(3));
    }

    @Test
    void anIdempotencyKeyCoversTheRollout() {
        TestOrg org = TestOrg.create();
        String id = Rollouts.connectorReadyForVersionTwo(org);
        String body = "{\"base_version\": 1, \"rollout\": \"linear:25%/10m\"}";
        for (int attempt = 0; attempt < 2; attempt++) {
            as(org.editorToken())
                    .contentType(ContentType.JSON)
                    .header("Idempotency-Key", "rollout-" + id)
                    .body(body)
                    .post("/api/connectors/" + id + "/publish")
                    .then()
                    .statusCode(201)
                    .body("rollout.strategy", is("linear"));
        }
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "rollout-" + id)
                .body("{\"base_version\": 1, \"rollout\": \"linear:50%/10m\"}")
                .post("/api/connectors/" + id + "/publish")
                .then()
                .statusCode(422)
                .body("type", endsWith("idempotency-key-reused"));
        assertThat(count("SELECT count(*) FROM connector_rollout WHERE connector_id = ?", UUID.fromString(id)))
                .isEqualTo(1);
    }
}
