package io.plugsync.api.library.team;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may read and write teams, and what a team grant gives its members. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class TeamAccessTest {

    @Test
    void withoutATokenEveryTeamEndpointIs401() {
        TestOrg org = TestOrg.create();
        String team = Teams.create(org.ownerToken(), org, "Locked");
        String one = Teams.path(org) + "/" + team;
        given().get(Teams.path(org)).then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\"}")
                .post(Teams.path(org))
                .then()
                .statusCode(401);
        given().get(one).then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\"}")
                .patch(one)
                .then()
                .statusCode(401);
        given().delete(one).then().statusCode(401);
        given().put(one + "/members/" + UUID.randomUUID()).then().statusCode(401);
        given().delete(one + "/members/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void membersReadTeamsAndOnlyOwnersAndAdminsWriteThem() {
        TestOrg org = TestOrg.create();
        String team = Teams.create(org.ownerToken(), org, "Readable");
        String one = Teams.path(org) + "/" + team;
        UUID viewer = Teams.member(org, "viewer-" + org.id(), "viewer");
        for (String reader : new String[] {org.viewerToken(), org.editorToken()}) {
            as(reader).get(Teams.path(org)).then().statusCode(200);
            as(reader).get(one).then().statusCode(200);
            as(reader)
                    .body("{\"name\": \"x\"}")
                    .post(Teams.path(org))
                    .then()
                    .statusCode(403)
                    .body("missing_capability", is("team:create"));
            as(reader)
                    .body("{\"name\": \"x\"}")
                    .patch(one)
                    .then()
                    .statusCode(403)
                    .body("missing_capability", is("team:update"));
            as(reader)
                    .put(one + "/members/" + viewer)
                    .then()
                    .statusCode(403)
                    .body("missing_capability", is("team:update_members"));
            as(reader).delete(one + "/members/" + viewer).then().statusCode(403);
            as(reader).delete(one).then().statusCode(403).body("missing_capability", is("team:delete"));
        }
        String admin = Teams.adminToken(org);
        String made = Teams.create(admin, org, "Admin made");
        Teams.addMember(admin, org, made, viewer, 201);
        as(admin)
                .body("{\"name\": \"Admin renamed\"}")
                .patch(Teams.path(org) + "/" + made)
                .then()
                .statusCode(200);
        as(admin).delete(Teams.path(org) + "/" + made).then().statusCode(204);
    }

    @Test
    void anotherOrganisationsTeamsAre404() {
        TestOrg mine = TestOrg.create();
        TestOrg theirs = TestOrg.create();
        String team = Teams.create(theirs.ownerToken(), theirs, "Theirs");
        UUID member = Teams.member(theirs, "viewer-" + theirs.id(), "viewer");
        as(mine.ownerToken()).get(Teams.path(theirs)).then().statusCode(404);
        as(mine.ownerToken()).get(Teams.path(theirs) + "/" + team).then().statusCode(404);
        as(mine.ownerToken()).get(Teams.path(mine) + "/" + team).then().statusCode(404);
        as(mine.ownerToken())
                .body("{\"name\": \"x\"}")
                .patch(Teams.path(mine) + "/" + team)
                .then()
                .statusCode(404);
        as(mine.ownerToken())
                .put(Teams.path(mine) + "/" + team + "/members/" + member)
                .then()
                .statusCode(404);
        as(mine.ownerToken()).delete(Teams.path(mine) + "/" + team).then().statusCode(404);
        as(theirs.ownerToken())
                .get(Teams.path(theirs) + "/" + team)
                .then()
                .statusCode(200)
                .body("item.name", is("Theirs"));
    }

    @Test
    void aTeamGrantOnAPluginMakesItVisibleToTheTeamsMembersOnly() {
        TestOrg org = TestOrg.create();
        String skill = Library.createSkill(org.ownerToken(), org.id(), "team-visible");
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Team visible");
        as(org.ownerToken())
                .body("{\"config_object_id\": \"" + skill + "\"}")
                .post(base(org.id()) + "/plugins/" + plugin + "/members")
                .then()
                .statusCode(201);
        String team = Teams.create(org.ownerToken(), org, "Readers");
        UUID viewer = Teams.member(org, "viewer-" + org.id(), "viewer");
        String pluginPath = base(org.id()) + "/plugins/" + plugin;
        as(org.ownerToken())
                .body("{\"team_id\": \"" + team + "\", \"role\": \"viewer\"}")
                .post(pluginPath + "/grants")
                .then()
                .statusCode(201);
        as(org.viewerToken()).get(pluginPath).then().statusCode(404);

        Teams.addMember(org.ownerToken(), org, team, viewer, 201);
        as(org.viewerToken()).get(pluginPath).then().statusCode(200).body("item.your_role", is("viewer"));
        as(org.viewerToken())
                .get(pluginPath + "/resolved")
                .then()
                .statusCode(200)
                .body("item.items[0].payload.name", is("team-visible"));
        as(org.editorToken()).get(pluginPath).then().statusCode(404);

        as(org.ownerToken())
                .delete(Teams.path(org) + "/" + team + "/members/" + viewer)
                .then()
                .statusCode(204);
        as(org.viewerToken()).get(pluginPath).then().statusCode(404);

        Teams.addMember(org.ownerToken(), org, team, viewer, 201);
        as(org.viewerToken()).get(pluginPath).then().statusCode(200);
        as(org.ownerToken()).delete(Teams.path(org) + "/" + team).then().statusCode(204);
        as(org.viewerToken()).get(pluginPath).then().statusCode(404);
    }
}
