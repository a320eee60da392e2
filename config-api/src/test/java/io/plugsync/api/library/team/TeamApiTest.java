package io.plugsync.api.library.team;

import static io.plugsync.api.library.Library.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Team CRUD, membership and input validation. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class TeamApiTest {

    @Test
    void createAnswers201WithLocationAndTheTeam() {
        TestOrg org = TestOrg.create();
        var created = as(org.ownerToken())
                .body("{\"name\": \"  Sales  \"}")
                .post(Teams.path(org))
                .then()
                .statusCode(201)
                .body("item.name", is("Sales"))
                .body("item.organization_id", is(org.id().toString()))
                .body("item.member_count", is(0))
                .body("item.members", hasSize(0))
                .extract();
        String id = created.path("item.id");
        assertThat(created.header("Location")).endsWith("/v1/orgs/" + org.id() + "/teams/" + id);
        as(org.ownerToken())
                .get(Teams.path(org) + "/" + id)
                .then()
                .statusCode(200)
                .body("item.id", is(id))
                .body("item.name", is("Sales"));
    }

    @Test
    void listIsPagedNewestFirstWithoutMembers() {
        TestOrg org = TestOrg.create();
        String first = Teams.create(org.ownerToken(), org, "one");
        String second = Teams.create(org.ownerToken(), org, "two");
        String third = Teams.create(org.ownerToken(), org, "three");
        String cursor = as(org.viewerToken())
                .get(Teams.path(org) + "?limit=2")
                .then()
                .statusCode(200)
                .body("items.id", contains(third, second))
                .body("items[0]", not(hasKey("members")))
                .extract()
                .path("next_cursor");
        as(org.viewerToken())
                .queryParam("cursor", cursor)
                .get(Teams.path(org) + "?limit=2")
                .then()
                .statusCode(200)
                .body("items.id", contains(first))
                .body("next_cursor", nullValue());
    }

    @Test
    void membersAreAddedIdempotentlyShownOnTheTeamAndRemoved() {
        TestOrg org = TestOrg.create();
        String team = Teams.create(org.ownerToken(), org, "Support");
        UUID viewer = Teams.member(org, "viewer-" + org.id(), "viewer");
        UUID editor = Teams.member(org, "editor-" + org.id(), "editor");
        Teams.addMember(org.ownerToken(), org, team, viewer, 201);
        Teams.addMember(org.ownerToken(), org, team, viewer, 200);
        Teams.addMember(org.ownerToken(), org, team, editor, 201);
        as(org.viewerToken())
                .get(Teams.path(org) + "/" + team)
                .then()
                .statusCode(200)
                .body("item.member_count", is(2))
                .body("item.members.org_membership_id", contains(viewer.toString(), editor.toString()))
                .body("item.members[0].subject", is("viewer-" + org.id()))
                .body("item.members[0].org_role", is("viewer"));
        as(org.ownerToken())
                .delete(Teams.path(org) + "/" + team + "/members/" + viewer)
                .then()
                .statusCode(204);
        as(org.ownerToken())
                .delete(Teams.path(org) + "/" + team + "/members/" + viewer)
                .then()
                .statusCode(404);
        as(org.viewerToken())
                .get(Teams.path(org) + "/" + team)
                .then()
                .body("item.members.org_membership_id", contains(editor.toString()));
    }

    @Test
    void renameChangesTheNameAndANameTakenIs409() {
        TestOrg org = TestOrg.create();
        String team = Teams.create(org.ownerToken(), org, "Ops");
        Teams.create(org.ownerToken(), org, "Platform");
        as(org.ownerToken())
                .body("{\"name\": \"Operations\"}")
                .patch(Teams.path(org) + "/" + team)
                .then()
                .statusCode(200)
                .body("item.name", is("Operations"));
        Map<String, Long> before = Teams.snapshot();
        as(org.ownerToken())
                .body("{\"name\": \"Platform\"}")
                .patch(Teams.path(org) + "/" + team)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("team-name-taken"));
        as(org.ownerToken())
                .body("{\"name\": \"Platform\"}")
                .post(Teams.path(org))
                .then()
                .statusCode(409);
        assertThat(Teams.snapshot()).isEqualTo(before);
        as(org.viewerToken()).get(Teams.path(org) + "/" + team).then().body("item.name", is("Operations"));
    }

    @Test
    void deleteRemovesTheTeamItsMembershipsAndGrantsAndFreesItsName() {
        TestOrg org = TestOrg.create();
        String team = Teams.create(org.ownerToken(), org, "Temporary");
        UUID viewer = Teams.member(org, "viewer-" + org.id(), "viewer");
        Teams.addMember(org.ownerToken(), org, team, viewer, 201);
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Shared");
        String object = Library.createSkill(org.ownerToken(), org.id(), "shared-skill");
        String share = "{\"team_id\": \"" + team + "\", \"role\": \"viewer\"}";
        as(org.ownerToken())
                .body(share)
                .post(Library.base(org.id()) + "/plugins/" + plugin + "/grants")
                .then()
                .statusCode(201);
        as(org.ownerToken())
                .body(share)
                .post(Library.base(org.id()) + "/config-objects/" + object + "/grants")
                .then()
                .statusCode(201);

        as(org.ownerToken()).delete(Teams.path(org) + "/" + team).then().statusCode(204);

        as(org.ownerToken()).get(Teams.path(org) + "/" + team).then().statusCode(404);
        as(org.ownerToken()).delete(Teams.path(org) + "/" + team).then().statusCode(404);
        as(org.ownerToken()).get(Teams.path(org)).then().body("items.id", not(hasItem(team)));
        assertThat(Library.count("SELECT count(*) FROM team_membership WHERE team_id = ?", UUID.fromString(team)))
                .isZero();
        assertThat(Library.count(
                        "SELECT count(*) FROM plugin_access_grant WHERE team_id = ? AND removed_at IS NULL",
                        UUID.fromString(team)))
                .isZero();
        assertThat(Library.count(
                        "SELECT count(*) FROM config_object_access_grant WHERE team_id = ? AND removed_at IS NULL",
                        UUID.fromString(team)))
                .isZero();
        as(org.ownerToken())
                .body(share)
                .post(Library.base(org.id()) + "/plugins/" + plugin + "/grants")
                .then()
                .statusCode(422);
        Teams.create(org.ownerToken(), org, "Temporary");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() {
        TestOrg org = TestOrg.create();
        String team = Teams.create(org.ownerToken(), org, "Valid");
        Map<String, Long> before = Teams.snapshot();
        as(org.ownerToken())
                .body("{\"name\": \"   \"}")
                .post(Teams.path(org))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", contains("/name"));
        as(org.ownerToken())
                .body("{}")
                .post(Teams.path(org))
                .then()
                .statusCode(422)
                .body("errors.pointer", contains("/name"));
        as(org.ownerToken())
                .body("{\"name\": " + Library.json("x".repeat(201)) + "}")
                .patch(Teams.path(org) + "/" + team)
                .then()
                .statusCode(422)
                .body("errors.pointer", contains("/name"));
        as(org.ownerToken())
                .body("{\"name\": 7, \"colour\": \"red\"}")
                .post(Teams.path(org))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(org.ownerToken())
                .put(Teams.path(org) + "/" + team + "/members/not-a-uuid")
                .then()
                .statusCode(oneOf(400, 404));
        assertThat(Teams.snapshot()).isEqualTo(before);
        as(org.viewerToken()).get(Teams.path(org) + "/" + team).then().body("item.name", is("Valid"));
    }
}
