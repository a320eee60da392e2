package io.plugsync.api.library.release;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A plugin's grant changes (grant, role change, revoke) each cut an {@code access_change} release
 * of the plugin as it resolves then, with a {@code plugin.release.created} event; a change that
 * changes nothing, a rejected one and grants on other resources cut none.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class AccessChangeReleaseTest {

    private static String grants(TestOrg org, String plugin) {
        return base(org.id()) + "/plugins/" + plugin + "/grants";
    }

    @Test
    void grantRoleChangeAndRevokeEachCutAnAccessChangeReleaseButARepeatedGrantDoesNot() throws Exception {
        TestOrg org = TestOrg.create();
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Shared");
        String skill = Library.createSkill(org.ownerToken(), org.id(), "shared-skill");
        Releases.addMember(org.ownerToken(), org, plugin, skill);
        UUID team;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            team = OrgFixtures.ensureTeam(db, org.id(), "readers-" + UUID.randomUUID());
        }
        String body = "{\"team_id\": \"" + team + "\", \"role\": \"%s\"}";

        String grant = as(org.ownerToken())
                .body(body.formatted("viewer"))
                .post(grants(org, plugin))
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
        as(org.ownerToken())
                .body(body.formatted("viewer"))
                .post(grants(org, plugin))
                .then()
                .statusCode(201);
        as(org.ownerToken())
                .body(body.formatted("editor"))
                .post(grants(org, plugin))
                .then()
                .statusCode(201);
        as(org.ownerToken()).delete(grants(org, plugin) + "/" + grant).then().statusCode(204);

        List<Releases.Row> releases = Releases.of(plugin);
        assertThat(releases)
                .extracting(Releases.Row::kind)
                .containsExactly("access_change", "access_change", "access_change");
        assertThat(releases)
                .extracting(Releases.Row::notes)
                .containsExactly(
                        "grant added: team " + team + " as viewer",
                        "grant changed: team " + team + " viewer -> editor",
                        "grant revoked: team " + team + " (editor)");
        assertThat(releases).extracting(Releases.Row::items).containsOnly(1L);
        assertThat(Releases.releaseEvents(plugin)).isEqualTo(3);
        // the release is an ordinary one: readable, with the pinned member
        as(org.ownerToken())
                .get(base(org.id()) + "/plugins/" + plugin + "/releases/"
                        + releases.get(0).id())
                .then()
                .statusCode(200)
                .body("item.release_kind", is("access_change"))
                .body("item.items[0].config_object_id", is(skill));
    }

    @Test
    void rejectedGrantsAndGrantsOnObjectsCutNoRelease() {
        TestOrg org = TestOrg.create();
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Quiet");
        String skill = Library.createSkill(org.ownerToken(), org.id(), "quiet-skill");
        // the organisation's viewer sees nothing of the plugin: 404; an unknown member: 422
        as(org.viewerToken())
                .body("{\"org_wide\": true, \"role\": \"viewer\"}")
                .post(grants(org, plugin))
                .then()
                .statusCode(404);
        as(org.ownerToken())
                .body("{\"org_membership_id\": \"" + UUID.randomUUID() + "\", \"role\": \"viewer\"}")
                .post(grants(org, plugin))
                .then()
                .statusCode(422);
        as(org.ownerToken())
                .delete(grants(org, plugin) + "/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        as(org.ownerToken())
                .body("{\"org_wide\": true, \"role\": \"viewer\"}")
                .post(base(org.id()) + "/config-objects/" + skill + "/grants")
                .then()
                .statusCode(201);
        assertThat(Releases.of(plugin)).isEmpty();
        assertThat(Library.count(
                        "SELECT count(*) FROM plugin_release r JOIN plugin p ON p.id = r.plugin_id"
                                + " WHERE p.organization_id = ?",
                        org.id()))
                .isZero();
    }

    @Test
    void aPluginViewerCannotGrantAndCutsNoRelease() {
        TestOrg org = TestOrg.create();
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Viewed");
        as(org.ownerToken())
                .body("{\"org_wide\": true, \"role\": \"viewer\"}")
                .post(grants(org, plugin))
                .then()
                .statusCode(201);
        as(org.viewerToken())
                .body("{\"org_wide\": true, \"role\": \"editor\"}")
                .post(grants(org, plugin))
                .then()
                .statusCode(403);
        assertThat(Releases.of(plugin)).hasSize(1);
    }
}
