package io.plugsync.api.governance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * The publish policy: organisation settings, connector overrides, and what each rule refuses at the
 * gate (publisher roles 403, agents 403, freeze windows 423), naming exactly what is missing.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class PublishPolicyTest {

    @Test
    void anOrganisationStartsWithTodaysBehaviour() {
        People p = People.create();
        p.as("viewer")
                .get("/v1/orgs/" + p.org() + "/settings")
                .then()
                .statusCode(200)
                .body("item.agent_publish", is("never"))
                .body("item.required_approvals", is(0))
                .body("item.allow_self_approval", is(false))
                .body("item.publishers", contains("editor", "admin", "owner"))
                .body("item.freeze_windows", empty());
        String id = p.connector();
        p.edit("alice", id, "us");
        p.publish("alice", "dashboard", id, 1).then().statusCode(201);
    }

    @Test
    void adminsSetTheOrganisationPolicyAndNullResetsAField() {
        People p = People.create();
        String starts = OffsetDateTime.now().plusDays(1).withNano(0).toString();
        String ends = OffsetDateTime.now().plusDays(2).withNano(0).toString();
        p.as("admin")
                .body(
                        "{\"required_approvals\": 2, \"allow_self_approval\": true, \"publishers\": [\"admin\", \"owner\"],"
                                + " \"freeze_windows\": [{\"starts_at\": \"" + starts + "\", \"ends_at\": \"" + ends
                                + "\", \"reason\": \"release freeze\"}]}")
                .patch("/v1/orgs/" + p.org() + "/settings")
                .then()
                .statusCode(200)
                .body("item.required_approvals", is(2))
                .body("item.allow_self_approval", is(true))
                .body("item.publishers", contains("admin", "owner"))
                .body("item.freeze_windows[0].reason", is("release freeze"))
                .body("item.agent_publish", is("never"));
        p.as("owner")
                .body("{\"publishers\": null, \"allow_self_approval\": null}")
                .patch("/v1/orgs/" + p.org() + "/settings")
                .then()
                .statusCode(200)
                .body("item.publishers", contains("editor", "admin", "owner"))
                .body("item.allow_self_approval", is(false))
                .body("item.required_approvals", is(2));
        p.as("alice")
                .body("{\"required_approvals\": 0}")
                .patch("/v1/orgs/" + p.org() + "/settings")
                .then()
                .statusCode(403)
                .body("missing_capability", is("org:settings:update"));
    }

    @Test
    void invalidPolicyFieldsAreEachNamedByPointer() {
        People p = People.create();
        String now = OffsetDateTime.now().toString();
        p.as("owner")
                .body("{\"required_approvals\": 11, \"publishers\": [\"viewer\"], \"agent_publish\": \"sometimes\","
                        + " \"freeze_windows\": [{\"starts_at\": \"" + now + "\", \"ends_at\": \"" + now + "\"},"
                        + " {\"ends_at\": \"" + now + "\"}]}")
                .patch("/v1/orgs/" + p.org() + "/settings")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "errors.pointer",
                        containsInAnyOrder(
                                "/required_approvals",
                                "/publishers/0",
                                "/agent_publish",
                                "/freeze_windows/0/ends_at",
                                "/freeze_windows/1/starts_at"));
        p.as("owner")
                .body("{\"required_approvals\": \"two\"}")
                .patch("/v1/orgs/" + p.org() + "/settings")
                .then()
                .statusCode(400)
                .body("type", endsWith("wrong-type"))
                .body("errors[0].pointer", is("/required_approvals"));
        p.as("owner")
                .body("{\"freeze_windows\": [{\"starts_at\": \"" + now + "\", \"ends_at\": \"" + now
                        + "\", \"why\": 1}]}")
                .patch("/v1/orgs/" + p.org() + "/settings")
                .then()
                .statusCode(400)
                .body("type", endsWith("unknown-field"))
                .body("errors[0].pointer", is("/freeze_windows/0/why"));
        p.as("owner")
                .body("{\"approvals\": 2}")
                .patch("/v1/orgs/" + p.org() + "/settings")
                .then()
                .statusCode(400)
                .body("errors[0].pointer", is("/approvals"));
        p.as("viewer").get("/v1/orgs/" + p.org() + "/settings").then().body("item.required_approvals", is(0));
    }

    @Test
    void aConnectorOverridesFieldsAndNullInheritsAgain() {
        People p = People.create();
        String id = p.connector();
        p.as("owner")
                .body("{\"required_approvals\": 1}")
                .patch("/v1/orgs/" + p.org() + "/settings")
                .then()
                .statusCode(200);
        String url = "/api/connectors/" + id + "/publish-policy";
        p.as("viewer")
                .get(url)
                .then()
                .statusCode(200)
                .body("item.effective.required_approvals", is(1))
                .body("item.organization.required_approvals", is(1))
                .body("item.overrides", not(hasKey("required_approvals")));
        p.as("admin", "dashboard")
                .body("{\"required_approvals\": 3, \"publishers\": [\"owner\"]}")
                .patch(url)
                .then()
                .statusCode(200)
                .body("item.effective.required_approvals", is(3))
                .body("item.effective.publishers", contains("owner"))
                .body("item.overrides.required_approvals", is(3))
                .body("item.updated_by", is(p.subject("admin")));
        p.as("admin", "dashboard")
                .body("{\"required_approvals\": null}")
                .patch(url)
                .then()
                .statusCode(200)
                .body("item.effective.required_approvals", is(1))
                .body("item.overrides", not(hasKey("required_approvals")))
                .body("item.overrides.publishers", contains("owner"));
        p.as("viewer")
                .get("/api/connectors/" + id + "/audit?action=publish_policy_changed")
                .then()
                .body("items.size()", is(2))
                .body("items[0].actor", is(p.subject("admin")))
                .body("items[0].writer_kind", is("dashboard"))
                .body("items[0].detail.overrides.publishers", contains("owner"));
        p.as("alice")
                .body("{\"required_approvals\": 0}")
                .patch(url)
                .then()
                .statusCode(403)
                .body("missing_capability", is("connector:publish-policy:update"));
        p.as("admin")
                .body("{\"required_approvals\": -1}")
                .patch(url)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/required_approvals"));
        People other = People.create();
        other.as("owner").get(url).then().statusCode(404);
        other.as("owner").body("{\"required_approvals\": 0}").patch(url).then().statusCode(404);
        given().get(url).then().statusCode(401);
    }

    @Test
    void onlyThePolicysPublisherRolesMayPublish() {
        People p = People.create();
        String id = p.connector();
        p.policy(id, "{\"publishers\": [\"admin\", \"owner\"]}");
        p.edit("alice", id, "us");
        p.publish("alice", "dashboard", id, 1)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("missing-capability"))
                .body("missing_capability", is("connector:publish"))
                .body("required_org_role", is("admin"))
                .body("your_org_role", is("editor"))
                .body("publishers", contains("admin", "owner"))
                .body("policy", is("connector"));
        assertThat(p.activeVersion(id)).isEqualTo(1);
        p.publish("admin", "dashboard", id, 1).then().statusCode(201).body("version", is(2));
    }

    @Test
    void agentsPublishOnlyWhenThePolicyAllowsIt() {
        People p = People.create();
        String id = p.connector();
        p.edit("agent", id, "us");
        for (String writer : java.util.List.of("agent", "mcp")) {
            p.publish("agent", writer, id, 1)
                    .then()
                    .statusCode(403)
                    .body("type", endsWith("agent-publish-not-allowed"))
                    .body("agent_publish", is("never"))
                    .body("writer_kind", is(writer))
                    .body("detail", containsString("request_review"));
        }
        // a person with the same token publishes; the rule is about the writer kind
        p.policy(id, "{\"agent_publish\": \"allowed\"}");
        p.publish("agent", "agent", id, 1).then().statusCode(201);
    }

    @Test
    void aFreezeWindowRefusesWith423AndTheWindowsEnd() {
        People p = People.create();
        String id = p.connector();
        OffsetDateTime ends = OffsetDateTime.now().plusHours(1).withNano(0);
        p.policy(
                id,
                "{\"freeze_windows\": [{\"starts_at\": \""
                        + OffsetDateTime.now().minusHours(1) + "\", \"ends_at\": \"" + ends
                        + "\", \"reason\": \"Black Friday\"}]}");
        p.edit("alice", id, "us");
        p.publish("owner", "dashboard", id, 1)
                .then()
                .statusCode(423)
                .contentType("application/problem+json")
                .body("type", endsWith("publish-frozen"))
                .body("freeze_reason", is("Black Friday"))
                .body("retry_after_seconds", greaterThan(3000))
                .body("detail", containsString("Black Friday"));
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString(
                        "plugsync_publish_refusals_total{reason=\"publish-frozen\",writer=\"dashboard\"}"));
        String frozenUntil =
                p.publish("owner", "dashboard", id, 1).then().extract().path("freeze_ends_at");
        assertThat(OffsetDateTime.parse(frozenUntil).toInstant()).isEqualTo(ends.toInstant());
        p.as("owner", "script")
                .body(People.V1.replace("\"eu\"", "\"ap\""))
                .put("/api/connectors/" + id + "/config?publish=true&base_version=1")
                .then()
                .statusCode(423);
        p.policy(id, "{\"freeze_windows\": []}");
        p.publish("owner", "dashboard", id, 1).then().statusCode(201);
    }
}
