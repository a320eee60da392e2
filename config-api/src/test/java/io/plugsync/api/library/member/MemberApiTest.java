package io.plugsync.api.library.member;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /v1/orgs/{org}/members} and {@code /v1/me}: the principals the dashboard picks from. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class MemberApiTest {

    @Test
    void everyMemberListsTheOrganisationsMembersNewestFirstAndPaged() {
        TestOrg org = TestOrg.create();
        String path = base(org.id()) + "/members";
        as(org.viewerToken())
                .get(path)
                .then()
                .statusCode(200)
                .body("items.subject", contains("viewer-" + org.id(), "editor-" + org.id(), "owner-" + org.id()))
                .body("items[0].role", is("viewer"))
                .body("items[0].id", notNullValue());
        String cursor = as(org.editorToken())
                .get(path + "?limit=2")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .extract()
                .path("next_cursor");
        as(org.editorToken())
                .queryParam("cursor", cursor)
                .get(path + "?limit=2")
                .then()
                .statusCode(200)
                .body("items.subject", contains("owner-" + org.id()))
                .body("next_cursor", nullValue());
    }

    @Test
    void qMatchesSubjectDisplayNameOrEmailLiterally() throws Exception {
        TestOrg org = TestOrg.create();
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID ada = OrgFixtures.ensureMember(db, org.id(), "ada-" + org.id(), "editor");
            OrgFixtures.ensureMember(db, org.id(), "percent_50%-" + org.id(), "viewer");
            db.createStatement()
                    .executeUpdate("UPDATE org_membership SET display_name = 'Ada Lovelace', email = 'ada@example.com'"
                            + " WHERE id = '" + ada + "'");
        }
        String path = base(org.id()) + "/members";
        as(org.viewerToken())
                .get(path + "?q=LOVELACE")
                .then()
                .statusCode(200)
                .body("items.subject", contains("ada-" + org.id()));
        as(org.viewerToken())
                .get(path + "?q=example.com")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
        // % and _ are literal characters, not wildcards
        as(org.viewerToken())
                .queryParam("q", "_50%")
                .get(path)
                .then()
                .statusCode(200)
                .body("items.subject", contains("percent_50%-" + org.id()));
        as(org.viewerToken())
                .queryParam("q", "%")
                .get(path)
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
        as(org.viewerToken())
                .queryParam("q", "x".repeat(201))
                .get(path)
                .then()
                .statusCode(400)
                .body("errors[0].pointer", is("query:q"));
    }

    @Test
    void oneMemberByIdAndOtherOrganisationsAreNotFound() {
        TestOrg org = TestOrg.create();
        TestOrg other = TestOrg.create();
        String id = as(org.ownerToken())
                .get(base(org.id()) + "/members?q=owner-")
                .then()
                .extract()
                .path("items[0].id");
        as(org.viewerToken())
                .get(base(org.id()) + "/members/" + id)
                .then()
                .statusCode(200)
                .body("item.subject", is("owner-" + org.id()))
                .body("item.role", is("owner"));
        // a member id of this organisation under another one, and another organisation's list
        as(other.ownerToken()).get(base(other.id()) + "/members/" + id).then().statusCode(404);
        as(other.ownerToken()).get(base(org.id()) + "/members").then().statusCode(404);
        given().get(base(org.id()) + "/members").then().statusCode(401);
        given().get("/v1/me").then().statusCode(401);
    }

    @Test
    void meNamesTheTokensOrganisationsRolesAndMembershipIds() throws Exception {
        TestOrg first = TestOrg.create();
        TestOrg second = TestOrg.create();
        String subject = "two-orgs-" + UUID.randomUUID();
        UUID membership;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            membership = OrgFixtures.ensureMember(db, first.id(), subject, "editor");
        }
        String token = PlugSyncTestEngines.token(
                subject,
                Map.of(
                        first.id().toString(),
                        "editor",
                        second.id().toString(),
                        "viewer",
                        UUID.randomUUID().toString(),
                        "owner"));
        as(token)
                .get("/v1/me")
                .then()
                .statusCode(200)
                .body("item.subject", is(subject))
                // an organisation the token names but that does not exist is left out
                .body(
                        "item.organizations.id",
                        containsInAnyOrder(first.id().toString(), second.id().toString()))
                .body("item.organizations.find { it.id == '" + first.id() + "' }.role", is("editor"))
                .body(
                        "item.organizations.find { it.id == '" + first.id() + "' }.org_membership_id",
                        is(membership.toString()))
                .body("item.organizations.find { it.id == '" + second.id() + "' }.role", is("viewer"))
                .body("item.organizations.find { it.id == '" + second.id() + "' }.org_membership_id", nullValue())
                .body("item.organizations.slug", hasItem(notNullValue()));
    }
}
