package io.plugsync.api.rollout;

import static io.plugsync.api.draft.V3Api.as;
import static io.plugsync.api.draft.V3Api.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.support.TestOrg;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The step evaluator, driven pass by pass: a step moves on when it is due and only then, one step
 * per pass; a candidate whose error rate breaches the thresholds is rolled back (or paused) with the
 * reason journalled; concurrent evaluators move each rollout once.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class RolloutEvaluatorTest {
    static final String THRESHOLDS = "\"thresholds\":{\"min_reports\":3,\"max_error_rate_increase\":0.1";

    @Inject
    RolloutEvaluator evaluator;

    void pass() {
        evaluator.evaluateOnce().await().atMost(Duration.ofSeconds(60));
    }

    static long moves(String id, String state, int basisPoints) {
        return count(
                "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?"
                        + " AND payload->>'state' = ? AND payload->>'basis_points' = ?",
                id,
                OutboxContract.CONNECTOR_ROLLOUT_MOVED.name(),
                state,
                Integer.toString(basisPoints));
    }

    @Test
    void aDueStepMovesOnOneStepPerPassAndTheLastOneCompletesAfterTheBake() {
        TestOrg org = TestOrg.create();
        String id = Rollouts.connectorReadyForVersionTwo(org);
        Rollouts.publish(org.editorToken(), id, 1, "\"linear:50%/10m/bake=1h\"")
                .then()
                .statusCode(201);

        pass();
        assertThat(moves(id, "in_progress", 10_000))
                .as("not due yet: nothing moved")
                .isZero();

        Rollouts.makeDue(id);
        pass();
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/rollout")
                .then()
                .body("item.step", is(1))
                .body("item.percent", is(100.0f))
                .body("item.moves.size()", is(2));
        assertThat(moves(id, "in_progress", 10_000)).isEqualTo(1);

        pass();
        assertThat(moves(id, "completed", 10_000)).as("the bake is not over").isZero();
        Rollouts.makeDue(id);
        pass();
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/rollout")
                .then()
                .body("item.state", is("completed"))
                .body("item.steps.status", everyItem(is("done")))
                .body("item.pointer_revision", is(2_000_003));
        assertThat(moves(id, "completed", 10_000)).isEqualTo(1);
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft/history")
                .then()
                .body("items[0].action", is("rollout_completed"))
                .body("items[0].writer_kind", is("system"))
                .body("items[1].action", is("rollout_step"));
    }

    @Test
    void aCandidateWithARaisedErrorRateIsRolledBackAndTheJournalSaysWhy() {
        TestOrg org = TestOrg.create();
        String id = Rollouts.connectorReadyForVersionTwo(org);
        Rollouts.publish(org.editorToken(), id, 1, "{\"strategy\":\"canary\",\"percent\":50," + THRESHOLDS + "}}")
                .then()
                .statusCode(201);
        String worker = Rollouts.workerToken(org, id);
        for (int i = 0; i < 3; i++) {
            Rollouts.report(worker, id, "stable-" + i, 1, 100, 1).then().statusCode(202);
            Rollouts.report(worker, id, "candidate-" + i, 2, 100, 40)
                    .then()
                    .statusCode(202)
                    .body("counted", is(true))
                    .body("rollout_step", is(0));
        }

        pass();

        as(org.viewerToken())
                .get("/api/connectors/" + id + "/rollout")
                .then()
                .body("item.state", is("rolled_back"))
                .body("item.step", is(0))
                .body("item.reason", containsString("candidate error rate 0.4000"))
                .body("item.reason", containsString("stable 0.0100"))
                .body("item.health.candidate.reports", is(3))
                .body("item.moves[1].state", is("rolled_back"))
                .body("item.moves[1].actor", is("rollout-evaluator"));
        assertThat(moves(id, "rolled_back", 0)).isEqualTo(1);
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft/history")
                .then()
                .body("items[0].action", is("rollout_rolled_back"))
                .body("items[0].writer_kind", is("system"))
                .body("items[0].actor", is("rollout-evaluator"))
                .body("items[0].detail.reason", containsString("exceeds stable"));
        // the next publish rolls out from what the workers run: version 1 again
        Rollouts.edit(org, id, "v3");
        Rollouts.publish(org.editorToken(), id, 2, "\"canary:10%/10m\"")
                .then()
                .statusCode(201)
                .body("rollout.stable_version", is(1))
                .body("rollout.candidate_version", is(3));
    }

    @Test
    void fewerReportsThanTheMinimumAreNotJudged() {
        TestOrg org = TestOrg.create();
        String id = Rollouts.connectorReadyForVersionTwo(org);
        Rollouts.publish(org.editorToken(), id, 1, "{\"strategy\":\"canary\",\"percent\":50," + THRESHOLDS + "}}")
                .then()
                .statusCode(201);
        String worker = Rollouts.workerToken(org, id);
        Rollouts.report(worker, id, "candidate-a", 2, 10, 10).then().statusCode(202);
        Rollouts.report(worker, id, "candidate-b", 2, 10, 10).then().statusCode(202);

        pass();

        as(org.viewerToken())
                .get("/api/connectors/" + id + "/rollout")
                .then()
                .body("item.state", is("in_progress"))
                .body("item.health.breached", is(false));
    }

    @Test
    void onBreachPauseHoldsTheRolloutForAPerson() {
        TestOrg org = TestOrg.create();
        String id = Rollouts.connectorReadyForVersionTwo(org);
        Rollouts.publish(
                        org.editorToken(),
                        id,
                        1,
                        "{\"strategy\":\"canary\",\"percent\":50," + THRESHOLDS + ",\"on_breach\":\"pause\"}}")
                .then()
                .statusCode(201);
        String worker = Rollouts.workerToken(org, id);
        for (int i = 0; i < 3; i++) {
            Rollouts.report(worker, id, "candidate-" + i, 2, 10, 5).then().statusCode(202);
        }

        pass();
        Rollouts.makeDue(id);
        pass();

        as(org.viewerToken())
                .get("/api/connectors/" + id + "/rollout")
                .then()
                .body("item.state", is("paused"))
                .body("item.step", is(0))
                .body("item.reason", containsString("automatic pause"));
        assertThat(moves(id, "in_progress", 10_000))
                .as("a paused rollout does not move")
                .isZero();
    }

    @Test
    void evaluatorsRacingEachOtherMoveEveryDueRolloutExactlyOnce() {
        TestOrg org = TestOrg.create();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = Rollouts.connectorReadyForVersionTwo(org);
            Rollouts.publish(org.editorToken(), id, 1, "\"linear:25%/10m\"")
                    .then()
                    .statusCode(201);
            Rollouts.makeDue(id);
            ids.add(id);
        }

        List<Uni<List<RolloutEvaluator.Outcome>>> racing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racing.add(evaluator.evaluateOnce());
        }
        Uni.join().all(racing).andFailFast().await().atMost(Duration.ofSeconds(60));

        for (String id : ids) {
            assertThat(count("SELECT moves FROM connector_rollout WHERE connector_id = ?", UUID.fromString(id)))
                    .as("rollout of %s", id)
                    .isEqualTo(2);
            assertThat(moves(id, "in_progress", 5_000)).isEqualTo(1);
        }
    }

    @Test
    void evaluatorPassesTransitionsAndReportsAreMetrics() {
        TestOrg org = TestOrg.create();
        String id = Rollouts.connectorReadyForVersionTwo(org);
        Rollouts.publish(org.editorToken(), id, 1, "\"canary:10%/10m\"").then().statusCode(201);
        Rollouts.report(Rollouts.workerToken(org, id), id, "metric-worker", 1, 1, 0)
                .then()
                .statusCode(202);
        pass();
        io.restassured.RestAssured.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("plugsync_rollout_transitions_total{actor_kind=\"api\",transition=\"started\"}"))
                .body(containsString("plugsync_rollout_evaluations_total{outcome=\"waiting\"}"))
                .body(containsString("plugsync_rollout_evaluation_seconds_count"))
                .body(containsString("plugsync_fleet_reports_total{outcome=\"accepted\"}"));
    }
}
