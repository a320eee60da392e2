package io.plugsync.api.governance;

import static io.plugsync.api.draft.V3Api.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A connector whose policy needs two approvals by others: self-approval is refused, an edit after
 * approval resets it, and a publish from every writer is refused until the approvals exist, then
 * succeeds once.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class TwoApprovalPolicyTest {
    static final String TWO_APPROVALS = "{\"required_approvals\": 2}";

    @Test
    void theRequesterCannotApproveTheirOwnReview() {
        People p = People.create();
        String id = p.connector();
        p.policy(id, TWO_APPROVALS);
        p.edit("alice", id, "us");
        String review = p.requestReview("alice", id);

        p.approve("alice", id, review)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("self-approval-not-allowed"))
                .body("detail", containsString("you requested this review"))
                .body("review_id", is(review));
        p.review(id, review).then().body("item.approvals", is(0)).body("item.thread", empty());
        p.publish("alice", "dashboard", id, 1)
                .then()
                .statusCode(409)
                .body("type", endsWith("approvals-missing"))
                .body("approvals", is(0))
                .body("missing_approvals", is(2));
    }

    @Test
    void anAuthorOfTheDraftCannotApproveAReviewSomeoneElseRequested() {
        People p = People.create();
        String id = p.connector();
        p.policy(id, TWO_APPROVALS);
        p.edit("alice", id, "us");
        String review = p.requestReview("bob", id);

        p.approve("alice", id, review)
                .then()
                .statusCode(403)
                .body("type", endsWith("self-approval-not-allowed"))
                .body("detail", containsString("you wrote part of this draft"))
                .body("authors", contains(p.subject("alice")));
        // bob requested it: he cannot approve either; carol can, and one approval is not two
        p.approve("bob", id, review).then().statusCode(403);
        p.approve("carol", id, review).then().statusCode(200).body("item.approvals", is(1));
        p.publish("owner", "dashboard", id, 1)
                .then()
                .statusCode(409)
                .body("type", endsWith("approvals-missing"))
                .body("approved_by", contains(p.subject("carol")))
                .body("missing_approvals", is(1));
    }

    @Test
    void selfApprovalCountsWhenThePolicyAllowsIt() {
        People p = People.create();
        String id = p.connector();
        p.policy(id, "{\"required_approvals\": 1, \"allow_self_approval\": true}");
        p.edit("alice", id, "us");
        String review = p.requestReview("alice", id);
        p.approve("alice", id, review)
                .then()
                .statusCode(200)
                .body("item.state", is("approved"))
                .body("item.thread[0].self_review", is(true))
                .body("item.thread[0].counts", is(true));
        // turning self-approval off again makes that approval stop counting
        p.policy(id, "{\"allow_self_approval\": false}");
        p.review(id, review).then().body("item.approvals", is(0)).body("item.state", is("pending"));
        p.publish("alice", "api", id, 1).then().statusCode(409).body("type", endsWith("approvals-missing"));
    }

    @Test
    void anEditAfterApprovalResetsIt() {
        People p = People.create();
        String id = p.connector();
        p.policy(id, TWO_APPROVALS);
        p.edit("alice", id, "us");
        String review = p.requestReview("alice", id);
        p.approve("bob", id, review).then().statusCode(200);
        p.approve("carol", id, review)
                .then()
                .statusCode(200)
                .body("item.state", is("approved"))
                .body("item.approvals", is(2));

        // any later draft write, here by a script, invalidates the approvals
        p.as("bob", "script")
                .body("{\"settings\":{\"retries\":3}}")
                .patch("/api/connectors/" + id + "/draft")
                .then()
                .statusCode(200);
        p.review(id, review)
                .then()
                .body("item.state", is("changed_since_review"))
                .body("item.changed_since_review", is(true))
                .body("item.approvals", is(0))
                .body("item.missing_approvals", is(2))
                .body("item.approved_by.size()", is(2));
        p.publish("alice", "dashboard", id, 1)
                .then()
                .statusCode(409)
                .body("type", endsWith("changed-since-review"))
                .body("review_id", is(review));
        p.approve("carol", id, review).then().statusCode(409).body("type", endsWith("changed-since-review"));
        assertThat(p.activeVersion(id)).isEqualTo(1);

        // a new review of the draft as it is supersedes the old one; bob wrote part of it now
        String again = p.requestReview("alice", id);
        p.review(id, review).then().body("item.state", is("superseded"));
        p.approve("bob", id, again).then().statusCode(403).body("type", endsWith("self-approval-not-allowed"));
        p.approve("carol", id, again).then().statusCode(200);
        p.approve("admin", id, again).then().statusCode(200);
        p.publish("alice", "dashboard", id, 1).then().statusCode(201).body("version", is(2));
        p.review(id, again).then().body("item.state", is("published")).body("item.published_version", is(2));
    }

    @Test
    void aScriptCannotPublishOtherContentThanTheReviewedDraft() {
        People p = People.create();
        String id = p.connector();
        p.policy(id, TWO_APPROVALS);
        p.edit("alice", id, "us");
        String review = p.requestReview("alice", id);
        p.approve("bob", id, review).then().statusCode(200);
        p.approve("carol", id, review).then().statusCode(200);
        // the approved review is of region "us"; PUT /config would replace the draft and publish "ap"
        p.as("alice", "script")
                .body(People.V1.replace("\"eu\"", "\"ap\""))
                .put("/api/connectors/" + id + "/config?publish=true&base_version=1")
                .then()
                .statusCode(409)
                .body("type", endsWith("changed-since-review"))
                .body("review_id", is(review));
        assertThat(p.activeVersion(id)).isEqualTo(1);
        p.as("viewer").get("/api/connectors/" + id + "/draft").then().body("document.settings.region", is("us"));
        p.review(id, review).then().body("item.state", is("approved"));
    }

    @Test
    void aChangeRequestBlocksUntilThatReviewerApproves() {
        People p = People.create();
        String id = p.connector();
        p.policy(id, TWO_APPROVALS);
        p.edit("alice", id, "us");
        String review = p.requestReview("alice", id);
        p.approve("bob", id, review).then().statusCode(200);
        p.as("carol", "dashboard")
                .body("{\"comment\": \"use eu-west-1\"}")
                .post("/api/connectors/" + id + "/reviews/" + review + "/request-changes")
                .then()
                .statusCode(200)
                .body("item.state", is("changes_requested"))
                .body("item.thread[1].comment", is("use eu-west-1"));
        p.approve("admin", id, review).then().statusCode(200);
        p.publish("alice", "api", id, 1)
                .then()
                .statusCode(409)
                .body("type", endsWith("changes-requested"))
                .body("changes_requested_by", contains(p.subject("carol")));
        p.approve("carol", id, review).then().statusCode(200).body("item.approvals", is(3));
        p.publish("alice", "api", id, 1).then().statusCode(201);
    }

    @Test
    void agentsCannotApprove() {
        People p = People.create();
        String id = p.connector();
        p.policy(id, TWO_APPROVALS);
        p.edit("alice", id, "us");
        String review = p.requestReview("alice", id);
        for (String writer : List.of("agent", "mcp")) {
            p.as("agent", writer)
                    .body("{}")
                    .post("/api/connectors/" + id + "/reviews/" + review + "/approve")
                    .then()
                    .statusCode(403)
                    .body("type", endsWith("agent-review-not-allowed"));
        }
    }

    /**
     * Every writer that can publish: the REST publish (plain API, dashboard, AI agent), {@code PUT
     * /config?publish=true} as the CLI's {@code push --publish} sends it (with and without force), and
     * an idempotent publish whose key is retried. (MCP: {@code GovernedPublishToolTest}; the CLI
     * command itself: {@code ReviewCliIT}; the dashboard in Chromium: the {@code review} scenario.)
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"api", "dashboard", "agent", "put-config", "put-config-forced", "idempotency-key"})
    void publishFromEachWriterIsRefusedUntilTwoOthersApprovedThenSucceedsOnce(String writer) {
        People p = People.create();
        String id = p.connector();
        p.policy(id, "{\"required_approvals\": 2, \"agent_publish\": \"allowed\"}");
        p.edit("alice", id, "us");

        Response noReview = publish(p, writer, id);
        noReview.then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("review-required"))
                .body("required_approvals", is(2))
                .body("policy", is("connector"));
        String review = p.requestReview("alice", id);
        publish(p, writer, id).then().statusCode(409).body("type", endsWith("approvals-missing"));
        p.approve("bob", id, review).then().statusCode(200);
        publish(p, writer, id)
                .then()
                .statusCode(409)
                .body("type", endsWith("approvals-missing"))
                .body("approvals", is(1))
                .body("missing_approvals", is(1));
        assertThat(versions(id)).as("nothing published while refused").isEqualTo(1);

        p.approve("carol", id, review).then().statusCode(200);
        Response published = publish(p, writer, id);
        published.then().statusCode(201);
        int version = JsonPath.from(published.asString())
                .getInt(writer.startsWith("put-config") ? "published.version" : "version");
        assertThat(version).isEqualTo(2);

        Response again = publish(p, writer, id);
        if (writer.equals("idempotency-key")) {
            again.then().statusCode(201).header("Idempotent-Replayed", "true").body("version", is(2));
        } else {
            // on the old base, or the same content again: the publish function's answer, not the gate's
            again.then().statusCode(409).body("type", anyOf(endsWith("stale-base-version"), endsWith("no-changes")));
        }
        assertThat(versions(id)).as("published exactly once").isEqualTo(2);
        p.review(id, review)
                .then()
                .body("item.state", is("published"))
                .body("item.published_version", is(2))
                .body("item.approvals", is(2));
        String kind = switch (writer) {
            case "dashboard", "agent" -> writer;
            case "put-config", "put-config-forced" -> "script";
            default -> "api";
        };
        assertThat(count(
                        "SELECT count(*) FROM connector_config_draft_changes WHERE connector_id = ?"
                                + " AND action = 'publish_refused' AND writer_kind = ?",
                        UUID.fromString(id),
                        kind))
                .as("each refusal journalled with the writer kind")
                .isEqualTo(3);
    }

    private static Response publish(People p, String writer, String id) {
        return switch (writer) {
            case "api", "dashboard" -> p.publish("alice", writer, id, 1);
            case "agent" -> p.publish("agent", "agent", id, 1);
            case "put-config", "put-config-forced" -> {
                // what `plugsync push --publish` sends: the whole document, which equals the reviewed draft
                String draft =
                        p.as("alice").get("/api/connectors/" + id + "/draft").asString();
                yield p.as("alice", "script")
                        .body(new JsonObject(draft).getJsonObject("document").encode())
                        .put("/api/connectors/" + id + "/config?publish=true"
                                + (writer.equals("put-config") ? "&base_version=1" : "&force=true"));
            }
            case "idempotency-key" ->
                p.as("alice", "api")
                        .header("Idempotency-Key", "deploy-" + id)
                        .body("{\"base_version\": 1}")
                        .post("/api/connectors/" + id + "/publish");
            default -> throw new IllegalArgumentException(writer);
        };
    }

    private static long versions(String id) {
        return count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", UUID.fromString(id));
    }
}
