package io.plugsync.api.governance;

import static io.plugsync.api.draft.V3Api.count;
import static io.plugsync.api.draft.V3Api.execute;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.plugsync.api.governance.schedule.ScheduledPublisher;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Scheduled publishes: a reviewed snapshot goes live at its time; at fire time the base version,
 * the snapshot and the approval rules are checked again, and a failure publishes nothing but is
 * visible (status, journal, notification); several pollers (replicas) fire each one once.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class ScheduledPublishTest {
    @Inject
    ScheduledPublisher publisher;

    static String schedule(People p, String who, String id, OffsetDateTime at, int base) {
        return p.as(who, "dashboard")
                .body("{\"publish_at\": \"" + at + "\", \"base_version\": " + base + ", \"message\": \"night deploy\"}")
                .post("/api/connectors/" + id + "/scheduled-publishes")
                .then()
                .statusCode(201)
                .body("item.status", is("pending"))
                .extract()
                .path("item.id");
    }

    static JsonPath awaitFired(People p, String id, String scheduleId) {
        String path = "/api/connectors/" + id + "/scheduled-publishes/" + scheduleId;
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !"pending"
                        .equals(p.as("viewer").get(path).then().extract().path("item.status")));
        return p.as("viewer").get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aReviewedSnapshotIsPublishedAtItsTime() {
        People p = People.create();
        String id = p.connector();
        p.policy(id, "{\"required_approvals\": 1}");
        p.edit("alice", id, "us");
        String review = p.requestReview("alice", id);
        p.approve("bob", id, review).then().statusCode(200);
        OffsetDateTime at = OffsetDateTime.now().plusSeconds(2);
        String scheduled = schedule(p, "alice", id, at, 1);
        assertThat(p.activeVersion(id)).as("not before its time").isEqualTo(1);

        JsonPath fired = awaitFired(p, id, scheduled);
        assertThat(fired.getString("item.status")).isEqualTo("published");
        assertThat(fired.getInt("item.published_version")).isEqualTo(2);
        assertThat(fired.getString("item.review_id")).isEqualTo(review);
        assertThat(OffsetDateTime.parse(fired.getString("item.fired_at"))).isAfterOrEqualTo(at);
        assertThat(p.activeVersion(id)).isEqualTo(2);
        p.as("viewer")
                .get("/api/connectors/" + id + "/versions/2")
                .then()
                .body("published_by", is(p.subject("alice")))
                .body("message", is("night deploy"));
        p.review(id, review).then().body("item.state", is("published"));
        p.as("viewer")
                .get("/api/connectors/" + id + "/audit?action=publish&action=publish_scheduled")
                .then()
                .statusCode(200)
                .body("items[0].action", is("publish"))
                .body("items[0].writer_kind", is("system"))
                .body("items[0].actor", is(p.subject("alice")))
                .body("items[1].action", is("publish_scheduled"))
                .body("items[1].writer_kind", is("dashboard"))
                .body("items[1].detail.scheduled_publish_id", is(scheduled));
    }

    @Test
    void aStaleBaseFailsVisiblyAndPublishesNothing() {
        People p = People.create();
        String id = p.connector();
        p.edit("alice", id, "us");
        String scheduled = schedule(p, "alice", id, OffsetDateTime.now().plusSeconds(3), 1);
        // someone publishes before the scheduled time: the schedule's base (v1) is stale
        p.publish("bob", "api", id, 1).then().statusCode(201).body("version", is(2));
        long outbox = count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", id);

        JsonPath fired = awaitFired(p, id, scheduled);
        assertThat(fired.getString("item.status")).isEqualTo("failed");
        assertThat(fired.getString("item.failure.type")).endsWith("stale-base-version");
        assertThat(fired.getInt("item.failure.active_version")).isEqualTo(2);
        assertThat(fired.getInt("item.failure.base_version")).isEqualTo(1);
        assertThat(p.activeVersion(id)).as("nothing published over bob").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", UUID.fromString(id)))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", id))
                .as("no outbox event for a failed scheduled publish")
                .isEqualTo(outbox);

        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("plugsync_scheduled_publishes_total{outcome=\"failed\"}"))
                .body(containsString("plugsync_scheduled_publish_delay_seconds_count"))
                .body(containsString("plugsync_scheduled_publishes_pending"))
                .body(containsString("plugsync_scheduled_publishes_oldest_due_seconds"));
        p.as("viewer")
                .get("/api/connectors/" + id + "/audit?action=scheduled_publish_failed")
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].actor", is(p.subject("alice")))
                .body("items[0].writer_kind", is("system"))
                .body("items[0].detail.scheduled_publish_id", is(scheduled))
                .body("items[0].detail.reason", is("stale-base-version"));
        String notification = p.as("viewer")
                .get("/api/connectors/" + id + "/notifications")
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].kind", is("scheduled_publish_failed"))
                .body("items[0].detail.reason", is("stale-base-version"))
                .body("items[0].message", containsString("Nothing was published"))
                .extract()
                .path("items[0].id");
        p.as("viewer")
                .post("/api/connectors/" + id + "/notifications/" + notification + "/dismiss")
                .then()
                .statusCode(403);
        p.as("alice")
                .post("/api/connectors/" + id + "/notifications/" + notification + "/dismiss")
                .then()
                .statusCode(200)
                .body("item.dismissed_by", is(p.subject("alice")))
                .body("item.dismissed_at", notNullValue());
        p.as("viewer").get("/api/connectors/" + id + "/notifications").then().body("items.size()", is(0));
        p.as("viewer")
                .get("/api/connectors/" + id + "/notifications?include_dismissed=true")
                .then()
                .body("items.size()", is(1));
    }

    @Test
    void aDraftChangedAfterSchedulingFailsAndPublishesNothing() {
        People p = People.create();
        String id = p.connector();
        p.edit("alice", id, "us");
        String scheduled = schedule(p, "alice", id, OffsetDateTime.now().plusSeconds(3), 1);
        p.edit("bob", id, "ap");

        JsonPath fired = awaitFired(p, id, scheduled);
        assertThat(fired.getString("item.status")).isEqualTo("failed");
        assertThat(fired.getString("item.failure.type")).endsWith("changed-since-schedule");
        assertThat(p.activeVersion(id)).isEqualTo(1);
    }

    @Test
    void aRolloutInProgressFailsItAndPublishesNothing() {
        People p = People.create();
        String id = p.connector();
        p.edit("alice", id, "us");
        // bob's version 2 is rolling out to a canary when alice's schedule fires
        p.as("bob", "api")
                .body("{\"base_version\": 1, \"rollout\": \"canary:10%/1h\"}")
                .post("/api/connectors/" + id + "/publish")
                .then()
                .statusCode(201)
                .body("version", is(2));
        p.edit("alice", id, "ap");
        String scheduled = schedule(p, "alice", id, OffsetDateTime.now().plusSeconds(3), 2);

        JsonPath fired = awaitFired(p, id, scheduled);
        assertThat(fired.getString("item.status")).isEqualTo("failed");
        assertThat(fired.getString("item.failure.type")).endsWith("rollout-in-progress");
        assertThat(fired.getInt("item.failure.candidate_version")).isEqualTo(2);
        assertThat(p.activeVersion(id)).as("nothing published over the rollout").isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM connector_rollout WHERE connector_id = ? AND state = 'in_progress'",
                        UUID.fromString(id)))
                .as("the rollout is not superseded")
                .isEqualTo(1);
    }

    @Test
    void approvalsAreCheckedAgainAtFireTime() {
        People p = People.create();
        String id = p.connector();
        p.policy(id, "{\"required_approvals\": 1}");
        p.edit("alice", id, "us");
        String review = p.requestReview("alice", id);
        p.approve("bob", id, review).then().statusCode(200);
        String scheduled = schedule(p, "alice", id, OffsetDateTime.now().plusSeconds(3), 1);
        // the rule tightened after scheduling: two approvals now
        p.policy(id, "{\"required_approvals\": 2}");

        JsonPath fired = awaitFired(p, id, scheduled);
        assertThat(fired.getString("item.status")).isEqualTo("failed");
        assertThat(fired.getString("item.failure.type")).endsWith("approvals-missing");
        assertThat(fired.getInt("item.failure.missing_approvals")).isEqualTo(1);
        assertThat(p.activeVersion(id)).isEqualTo(1);
    }

    @Test
    void schedulingRunsTheGateAndAFreezeAtThatTimeIs423() {
        People p = People.create();
        String id = p.connector();
        p.policy(id, "{\"required_approvals\": 1}");
        p.edit("alice", id, "us");
        OffsetDateTime at = OffsetDateTime.now().plusHours(2);
        p.as("alice", "dashboard")
                .body("{\"publish_at\": \"" + at + "\", \"base_version\": 1}")
                .post("/api/connectors/" + id + "/scheduled-publishes")
                .then()
                .statusCode(409)
                .body("type", endsWith("review-required"));
        String review = p.requestReview("alice", id);
        p.approve("bob", id, review).then().statusCode(200);
        p.policy(
                id,
                "{\"freeze_windows\": [{\"starts_at\": \"" + at.minusHours(1) + "\", \"ends_at\": \"" + at.plusHours(1)
                        + "\", \"reason\": \"quarter close\"}]}");
        p.as("alice", "dashboard")
                .body("{\"publish_at\": \"" + at + "\", \"base_version\": 1}")
                .post("/api/connectors/" + id + "/scheduled-publishes")
                .then()
                .statusCode(423)
                .body("type", endsWith("publish-frozen"))
                .body("freeze_reason", is("quarter close"));
        // outside the window it is accepted, pins the review, and a second one is refused
        String ok = schedule(p, "alice", id, at.plusHours(2), 1);
        p.as("viewer")
                .get("/api/connectors/" + id + "/scheduled-publishes/" + ok)
                .then()
                .body("item.review_id", is(review));
        p.as("alice", "dashboard")
                .body("{\"publish_at\": \"" + at.plusHours(3) + "\", \"base_version\": 1}")
                .post("/api/connectors/" + id + "/scheduled-publishes")
                .then()
                .statusCode(409)
                .body("type", endsWith("schedule-exists"))
                .body("scheduled_publish_id", is(ok));
        p.as("bob", "dashboard")
                .delete("/api/connectors/" + id + "/scheduled-publishes/" + ok)
                .then()
                .statusCode(200)
                .body("item.status", is("cancelled"))
                .body("item.cancelled_by", is(p.subject("bob")));
        p.as("bob", "dashboard")
                .delete("/api/connectors/" + id + "/scheduled-publishes/" + ok)
                .then()
                .statusCode(409)
                .body("type", endsWith("schedule-not-pending"));
        p.as("viewer")
                .get("/api/connectors/" + id + "/scheduled-publishes?status=cancelled")
                .then()
                .body("items.size()", is(1));
    }

    @Test
    void severalPollersFireEachDueScheduleExactlyOnce() {
        People p = People.create();
        List<String> connectors = new ArrayList<>();
        List<String> schedules = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = p.connector();
            p.edit("alice", id, "r" + i);
            connectors.add(id);
            schedules.add(schedule(p, "alice", id, OffsetDateTime.now().plusMinutes(10), 1));
        }
        // all due at once, then four pollers (as four config-api replicas would) race for them
        execute("UPDATE connector_scheduled_publish SET publish_at = now() - interval '1 second' WHERE id IN ('"
                + String.join("','", schedules) + "')");
        List<Uni<Integer>> pollers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pollers.add(publisher.fireDue());
        }
        Uni.join().all(pollers).andFailFast().await().atMost(Duration.ofSeconds(60));

        for (int i = 0; i < connectors.size(); i++) {
            JsonPath fired = awaitFired(p, connectors.get(i), schedules.get(i));
            assertThat(fired.getString("item.status")).isEqualTo("published");
            assertThat(count(
                            "SELECT count(*) FROM connector_config_versions WHERE connector_id = ?",
                            UUID.fromString(connectors.get(i))))
                    .as("connector %d published once", i)
                    .isEqualTo(2);
        }
    }

    @Test
    void badRequestsAreRefusedWithTheirPointer() {
        People p = People.create();
        String id = p.connector();
        p.edit("alice", id, "us");
        String url = "/api/connectors/" + id + "/scheduled-publishes";
        p.as("alice")
                .body("{\"base_version\": 1}")
                .post(url)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/publish_at"));
        p.as("alice")
                .body("{\"publish_at\": \"" + OffsetDateTime.now().minusMinutes(1) + "\", \"base_version\": 1}")
                .post(url)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/publish_at"));
        p.as("alice")
                .body("{\"publish_at\": \"" + OffsetDateTime.now().plusDays(400) + "\", \"base_version\": 1}")
                .post(url)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/publish_at"));
        p.as("alice")
                .body("{\"publish_at\": \"tomorrow\", \"base_version\": 1}")
                .post(url)
                .then()
                .statusCode(400)
                .body("errors[0].pointer", is("/publish_at"));
        p.as("alice")
                .body("{\"publish_at\": \"" + OffsetDateTime.now().plusHours(1)
                        + "\", \"base_version\": 1, \"when\": 1}")
                .post(url)
                .then()
                .statusCode(400)
                .body("type", endsWith("unknown-field"))
                .body("errors[0].pointer", is("/when"));
        p.as("alice")
                .body("{\"publish_at\": \"" + OffsetDateTime.now().plusHours(1) + "\", \"base_version\": 0}")
                .post(url)
                .then()
                .statusCode(409)
                .body("type", endsWith("stale-base-version"));
        p.as("viewer")
                .body("{\"publish_at\": \"" + OffsetDateTime.now().plusHours(1) + "\", \"base_version\": 1}")
                .post(url)
                .then()
                .statusCode(403);
        People other = People.create();
        other.as("owner")
                .body("{\"publish_at\": \"" + OffsetDateTime.now().plusHours(1) + "\", \"base_version\": 1}")
                .post(url)
                .then()
                .statusCode(404);
        other.as("owner").get(url).then().statusCode(404);
        given().get(url).then().statusCode(401);
        assertThat(count(
                        "SELECT count(*) FROM connector_scheduled_publish WHERE connector_id = ?", UUID.fromString(id)))
                .isZero();
    }
}
