package io.plugsync.api.governance;

import static io.plugsync.api.draft.V3Api.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The review API: snapshot, thread, listing, audit, and bad input, other organisations, roles. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class ReviewApiTest {

    @Test
    void aReviewFreezesTheDraftAndItsDiffAgainstActive() {
        People p = People.create();
        String id = p.connector();
        p.edit("alice", id, "us");
        String review = p.requestReview("alice", id);
        p.review(id, review)
                .then()
                .statusCode(200)
                .body("item.state", is("pending"))
                .body("item.status", is("open"))
                .body("item.requested_by", is(p.subject("alice")))
                .body("item.requested_by_kind", is("dashboard"))
                .body("item.active_version", is(1))
                .body("item.changed_paths", contains("/settings/region"))
                .body("item.changes.settings.changed", contains("region"))
                .body("item.patch[0].path", is("/settings/region"))
                .body("item.document.settings.region", is("us"))
                .body("item.required_approvals", is(0));
        // the same draft again: the open review, 200; the list shows it without the document
        p.as("bob", "script")
                .body("{\"summary\": \"again\"}")
                .post("/api/connectors/" + id + "/reviews")
                .then()
                .statusCode(200)
                .body("item.id", is(review));
        p.as("viewer")
                .get("/api/connectors/" + id + "/reviews?status=open")
                .then()
                .statusCode(200)
                .body("items.id", contains(review))
                .body("items[0].document", nullValue());
        p.as("carol", "dashboard")
                .body("{\"comment\": \"why us?\"}")
                .post("/api/connectors/" + id + "/reviews/" + review + "/comments")
                .then()
                .statusCode(200)
                .body("item.thread[0].verdict", is("commented"))
                .body("item.thread[0].reviewer", is(p.subject("carol")));
        p.as("bob", "dashboard")
                .post("/api/connectors/" + id + "/reviews/" + review + "/withdraw")
                .then()
                .statusCode(403)
                .body("missing_capability", is("connector:review:withdraw"));
        p.as("alice", "dashboard")
                .post("/api/connectors/" + id + "/reviews/" + review + "/withdraw")
                .then()
                .statusCode(200)
                .body("item.state", is("withdrawn"))
                .body("item.closed_by", is(p.subject("alice")))
                .body("item.closed_at", notNullValue());
        p.approve("bob", id, review).then().statusCode(409).body("type", endsWith("review-closed"));
    }

    @Test
    void theAuditListsEveryDecisionWithSubjectAndWriterKindPaged() {
        People p = People.create();
        String id = p.connector();
        p.policy(id, "{\"required_approvals\": 1}");
        p.edit("alice", id, "us");
        p.publish("alice", "api", id, 1).then().statusCode(409);
        String review = p.requestReview("alice", id);
        p.approve("bob", id, review).then().statusCode(200);
        p.publish("alice", "script", id, 1).then().statusCode(201);

        String url = "/api/connectors/" + id + "/audit";
        var page = p.as("viewer")
                .get(url + "?limit=3")
                .then()
                .statusCode(200)
                .body("items.action", contains("publish", "review_approved", "review_requested"))
                .body("items.actor", contains(p.subject("alice"), p.subject("bob"), p.subject("alice")))
                .body("items.writer_kind", contains("script", "dashboard", "dashboard"))
                .body("items[1].detail.review_id", is(review))
                .body("items[1].detail.comment", is("looks right"))
                .body("next_cursor", notNullValue())
                .extract()
                .jsonPath();
        p.as("viewer")
                .get(url + "?limit=3&cursor=" + page.getString("next_cursor"))
                .then()
                .statusCode(200)
                .body("items.action", contains("publish_refused", "publish_policy_changed", "publish"))
                .body("items[0].writer_kind", is("api"))
                .body("items[0].detail.reason", is("review-required"))
                .body("items[0].detail.status", is(409));
        p.as("viewer").get(url + "?action=edit").then().statusCode(422);
        p.as("viewer").get(url + "?cursor=nonsense").then().statusCode(400);
        p.as("viewer").get(url + "?limit=0").then().statusCode(400);
        People.create().as("owner").get(url).then().statusCode(404);
        given().get(url).then().statusCode(401);
    }

    @Test
    void badInputIsRefusedWithItsPointerAndWritesNothing() {
        People p = People.create();
        String id = p.connector();
        p.edit("alice", id, "us");
        String reviews = "/api/connectors/" + id + "/reviews";
        p.as("alice")
                .body("{\"summary\": \"x\", \"colour\": \"red\"}")
                .post(reviews)
                .then()
                .statusCode(400)
                .body("type", endsWith("unknown-field"))
                .body("errors[0].pointer", is("/colour"));
        p.as("alice")
                .body("{\"summary\": {\"text\": \"x\"}}")
                .post(reviews)
                .then()
                .statusCode(400)
                .body("errors[0].pointer", is("/summary"));
        p.as("alice").body("{}").post(reviews).then().statusCode(422).body("errors[0].pointer", is("/summary"));
        p.as("alice")
                .body("{\"summary\": \"" + "x".repeat(4001) + "\"}")
                .post(reviews)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/summary"));
        p.as("alice", "robot").body("{\"summary\": \"x\"}").post(reviews).then().statusCode(400);
        p.as("viewer")
                .body("{\"summary\": \"x\"}")
                .post(reviews)
                .then()
                .statusCode(403)
                .body("missing_capability", is("connector:config:write"));
        given().contentType("application/json")
                .body("{\"summary\": \"x\"}")
                .post(reviews)
                .then()
                .statusCode(401);
        People other = People.create();
        other.as("owner").body("{\"summary\": \"x\"}").post(reviews).then().statusCode(404);
        other.as("owner").get(reviews).then().statusCode(404);
        assertThat(count("SELECT count(*) FROM connector_review WHERE connector_id = ?", UUID.fromString(id)))
                .isZero();

        String review = p.requestReview("alice", id);
        String one = reviews + "/" + review;
        for (String action : List.of("/approve", "/request-changes", "/comments")) {
            other.as("owner")
                    .body("{\"comment\": \"x\"}")
                    .post(one + action)
                    .then()
                    .statusCode(404);
            p.as("viewer")
                    .body("{\"comment\": \"x\"}")
                    .post(one + action)
                    .then()
                    .statusCode(403)
                    .body("missing_capability", is("connector:review"));
            p.as("bob").body("{\"comment\": [\"x\"]}").post(one + action).then().statusCode(400);
        }
        p.as("bob")
                .body("{}")
                .post(one + "/request-changes")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/comment"));
        other.as("owner").get(one).then().statusCode(404);
        p.as("bob")
                .body("{}")
                .post(reviews + "/" + UUID.randomUUID() + "/approve")
                .then()
                .statusCode(404);
        // a review id of another connector is not found through this one
        String elsewhere = p.connector();
        p.as("bob")
                .body("{}")
                .post("/api/connectors/" + elsewhere + "/reviews/" + review + "/approve")
                .then()
                .statusCode(404);
        p.as("viewer").get(reviews + "?status=bogus").then().statusCode(422);
        p.as("viewer").get(reviews + "/not-a-uuid").then().statusCode(404);
        assertThat(count("SELECT count(*) FROM connector_review_verdict WHERE review_id = ?", UUID.fromString(review)))
                .isZero();
    }
}
