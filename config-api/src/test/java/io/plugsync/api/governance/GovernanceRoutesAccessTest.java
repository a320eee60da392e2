package io.plugsync.api.governance;

import static io.plugsync.api.draft.V3Api.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every governance route needs a valid token (401) and is scoped to the connector's organisation:
 * a member of another organisation gets 404 for everything, reads and writes alike, and changes
 * nothing.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class GovernanceRoutesAccessTest {

    @Test
    void everyRouteNeedsATokenAndAnotherOrganisationSeesNothing() {
        People p = People.create();
        String id = p.connector();
        p.edit("alice", id, "us");
        String review = p.requestReview("alice", id);
        String scheduled = p.as("alice")
                .body("{\"publish_at\": \"" + OffsetDateTime.now().plusDays(1) + "\", \"base_version\": 1}")
                .post("/api/connectors/" + id + "/scheduled-publishes")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
        String c = "/api/connectors/" + id;
        String comment = "{\"comment\": \"x\"}";
        String schedule = "{\"publish_at\": \"" + OffsetDateTime.now().plusDays(2) + "\", \"base_version\": 1}";
        String policy = "{\"required_approvals\": 0}";
        // method, path, a body that is valid for the route (so only access decides the answer)
        List<String[]> routes = List.of(
                new String[] {"GET", c + "/publish-policy", null},
                new String[] {"PATCH", c + "/publish-policy", policy},
                new String[] {"GET", c + "/reviews", null},
                new String[] {"POST", c + "/reviews", "{\"summary\": \"x\"}"},
                new String[] {"GET", c + "/reviews/" + review, null},
                new String[] {"POST", c + "/reviews/" + review + "/approve", comment},
                new String[] {"POST", c + "/reviews/" + review + "/request-changes", comment},
                new String[] {"POST", c + "/reviews/" + review + "/comments", comment},
                new String[] {"POST", c + "/reviews/" + review + "/withdraw", null},
                new String[] {"GET", c + "/audit", null},
                new String[] {"GET", c + "/scheduled-publishes", null},
                new String[] {"POST", c + "/scheduled-publishes", schedule},
                new String[] {"GET", c + "/scheduled-publishes/" + scheduled, null},
                new String[] {"DELETE", c + "/scheduled-publishes/" + scheduled, null},
                new String[] {"GET", c + "/notifications", null},
                new String[] {"POST", c + "/notifications/" + UUID.randomUUID() + "/dismiss", null},
                new String[] {"GET", "/v1/orgs/" + p.org() + "/settings", null},
                new String[] {"PATCH", "/v1/orgs/" + p.org() + "/settings", policy});
        long before = writes();
        People other = People.create();
        List<String> wrong = new ArrayList<>();
        for (String[] route : routes) {
            String body = route[2] == null ? "{}" : route[2];
            int anonymous = given().contentType(ContentType.JSON)
                    .body(body)
                    .request(route[0], route[1])
                    .statusCode();
            int garbage = given().auth()
                    .oauth2("x.y.z")
                    .contentType(ContentType.JSON)
                    .body(body)
                    .request(route[0], route[1])
                    .statusCode();
            int outsider =
                    other.as("owner").body(body).request(route[0], route[1]).statusCode();
            if (anonymous != 401 || garbage != 401 || outsider != 404) {
                wrong.add(route[0] + " " + route[1] + " -> " + anonymous + "/" + garbage + "/" + outsider);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(writes()).as("nothing written").isEqualTo(before);
    }

    private static long writes() {
        long total = 0;
        for (String table : List.of(
                "connector_review",
                "connector_review_verdict",
                "connector_scheduled_publish",
                "connector_publish_policy",
                "connector_notification",
                "connector_config_draft_changes")) {
            total += count("SELECT count(*) FROM " + table);
        }
        return total
                + count("SELECT count(*) FROM connector_review WHERE status <> 'open'")
                + count("SELECT count(*) FROM connector_scheduled_publish WHERE status <> 'pending'");
    }
}
