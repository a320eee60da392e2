package io.plugsync.api.library.team;

import static io.plugsync.api.library.Library.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.library.Library;
import io.plugsync.api.library.Outbox;
import io.plugsync.api.support.TestOrg;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each team write appends exactly its outbox rows; a rejected or no-op write appends none. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class TeamEventsTest {

    /** The team's events as "event_type change-or-deleted member", in write order. */
    static List<String> events(String team) {
        return Outbox.of(OutboxContract.TEAM, team).stream()
                .map(e -> {
                    assertThat(e.payload().get("team_id").asText()).isEqualTo(team);
                    return e.eventType().equals(OutboxContract.TEAM_CHANGED.name())
                            ? e.eventType() + " deleted="
                                    + e.payload().get("deleted").asBoolean()
                            : e.eventType() + " " + e.payload().get("change").asText() + " "
                                    + e.payload().get("org_membership_id").asText();
                })
                .toList();
    }

    @Test
    void createRenameAndMembershipWritesAppendTheirEvents() {
        TestOrg org = TestOrg.create();
        String team = Teams.create(org.ownerToken(), org, "Evented");
        UUID viewer = Teams.member(org, "viewer-" + org.id(), "viewer");
        as(org.ownerToken())
                .body("{\"name\": \"Renamed\"}")
                .patch(Teams.path(org) + "/" + team)
                .then()
                .statusCode(200);
        as(org.ownerToken())
                .body("{\"name\": \"Renamed\"}")
                .patch(Teams.path(org) + "/" + team)
                .then()
                .statusCode(200);
        Teams.addMember(org.ownerToken(), org, team, viewer, 201);
        Teams.addMember(org.ownerToken(), org, team, viewer, 200);
        as(org.ownerToken())
                .delete(Teams.path(org) + "/" + team + "/members/" + viewer)
                .then()
                .statusCode(204);
        as(org.ownerToken())
                .delete(Teams.path(org) + "/" + team + "/members/" + viewer)
                .then()
                .statusCode(404);

        assertThat(events(team))
                .containsExactly(
                        "team.changed deleted=false",
                        "team.changed deleted=false",
                        "team.membership.changed added " + viewer,
                        "team.membership.changed removed " + viewer);
        assertThat(Outbox.of(OutboxContract.TEAM, team))
                .allSatisfy(e -> assertThat(e.payload().get("organization_id").asText())
                        .isEqualTo(org.id().toString()));
    }

    @Test
    void deleteAppendsAMembershipRemovalPerMemberAGrantRemovalPerPluginGrantThenTheDeletion() {
        TestOrg org = TestOrg.create();
        String team = Teams.create(org.ownerToken(), org, "Doomed");
        UUID viewer = Teams.member(org, "viewer-" + org.id(), "viewer");
        UUID editor = Teams.member(org, "editor-" + org.id(), "editor");
        Teams.addMember(org.ownerToken(), org, team, viewer, 201);
        Teams.addMember(org.ownerToken(), org, team, editor, 201);
        String share = "{\"team_id\": \"" + team + "\", \"role\": \"viewer\"}";
        String pluginA = Library.createPlugin(org.ownerToken(), org.id(), "A");
        String pluginB = Library.createPlugin(org.ownerToken(), org.id(), "B");
        String object = Library.createSkill(org.ownerToken(), org.id(), "doomed-skill");
        String grantA = grantTo(org, "/plugins/" + pluginA, share);
        String grantB = grantTo(org, "/plugins/" + pluginB, share);
        grantTo(org, "/config-objects/" + object, share);
        long objectEvents = Outbox.of(OutboxContract.CONFIG_OBJECT, object).size();
        long before = Outbox.total();

        as(org.ownerToken()).delete(Teams.path(org) + "/" + team).then().statusCode(204);

        assertThat(Outbox.total() - before).isEqualTo(5);
        assertThat(events(team))
                .endsWith(
                        "team.membership.changed removed " + viewer,
                        "team.membership.changed removed " + editor,
                        "team.changed deleted=true");
        for (String[] pair : List.of(new String[] {pluginA, grantA}, new String[] {pluginB, grantB})) {
            var last = Outbox.of(OutboxContract.PLUGIN, pair[0]).stream()
                    .filter(e -> e.eventType().equals(OutboxContract.PLUGIN_GRANT_CHANGED.name()))
                    .toList();
            assertThat(last).hasSize(2);
            var removed = last.get(1).payload();
            assertThat(removed.get("change").asText()).isEqualTo("removed");
            assertThat(removed.get("grant_id").asText()).isEqualTo(pair[1]);
            assertThat(removed.get("team_id").asText()).isEqualTo(team);
            assertThat(removed.get("org_membership_id").isNull()).isTrue();
            assertThat(removed.get("org_wide").asBoolean()).isFalse();
        }
        assertThat(Outbox.of(OutboxContract.CONFIG_OBJECT, object)).hasSize((int) objectEvents);
    }

    @Test
    void rejectedTeamWritesAppendNothingAndChangeNothing() {
        TestOrg org = TestOrg.create();
        TestOrg other = TestOrg.create();
        String team = Teams.create(org.ownerToken(), org, "Kept");
        UUID viewer = Teams.member(org, "viewer-" + org.id(), "viewer");
        Teams.addMember(org.ownerToken(), org, team, viewer, 201);
        UUID stranger = Teams.member(other, "viewer-" + other.id(), "viewer");
        Map<String, Long> before = Teams.snapshot();

        as(org.ownerToken())
                .body("{\"name\": \"\"}")
                .post(Teams.path(org))
                .then()
                .statusCode(422);
        as(org.ownerToken())
                .body("{\"name\": \"Kept\"}")
                .post(Teams.path(org))
                .then()
                .statusCode(409);
        as(org.ownerToken())
                .body("{\"name\": \"\"}")
                .patch(Teams.path(org) + "/" + team)
                .then()
                .statusCode(422);
        as(org.viewerToken())
                .body("{\"name\": \"Mine\"}")
                .post(Teams.path(org))
                .then()
                .statusCode(403);
        as(org.editorToken()).delete(Teams.path(org) + "/" + team).then().statusCode(403);
        as(org.viewerToken())
                .delete(Teams.path(org) + "/" + team + "/members/" + viewer)
                .then()
                .statusCode(403);
        Teams.addMember(org.ownerToken(), org, team, stranger, 404);
        Teams.addMember(org.ownerToken(), org, team, UUID.randomUUID(), 404);
        Teams.addMember(org.ownerToken(), org, UUID.randomUUID().toString(), viewer, 404);
        as(other.ownerToken()).delete(Teams.path(org) + "/" + team).then().statusCode(404);
        as(other.ownerToken()).delete(Teams.path(other) + "/" + team).then().statusCode(404);

        assertThat(Teams.snapshot()).isEqualTo(before);
        assertThat(events(team)).hasSize(2);
    }

    static String grantTo(TestOrg org, String resource, String body) {
        return as(org.ownerToken())
                .body(body)
                .post(Library.base(org.id()) + resource + "/grants")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
    }
}
