package io.plugsync.api.library.grant;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET .../grants/explain}: every source of a member's access, and an effective role equal to
 * the one the V6 rank functions enforce.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class AccessExplainTest {

    private static JsonPath explain(String token, TestOrg org, String resource, UUID member) {
        return as(token)
                .queryParam("org_membership_id", member.toString())
                .get(base(org.id()) + resource + "/grants/explain")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static int rank(String function, String resource, UUID member) throws Exception {
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement q = db.prepareStatement("SELECT " + function + "(?::uuid, ?::uuid)")) {
            q.setString(1, resource);
            q.setObject(2, member);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int rankOf(String role) {
        return role == null ? 0 : Map.of("viewer", 1, "editor", 2, "manager", 3).get(role);
    }

    @Test
    void teamMemberAndOrgWideGrantsAreEachAReasonAndTheStrongestIsTheRole() throws Exception {
        TestOrg org = TestOrg.create();
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Explained");
        UUID member;
        UUID team;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            member = OrgFixtures.ensureMember(db, org.id(), "viewer-" + org.id(), "viewer");
            team = OrgFixtures.ensureTeam(db, org.id(), "Support");
            OrgFixtures.addToTeam(db, team, member);
        }
        String resource = "/plugins/" + plugin;
        JsonPath none = explain(org.ownerToken(), org, resource, member);
        assertThat(none.getString("item.role")).isNull();
        assertThat(none.getList("item.reasons")).isEmpty();
        assertThat(rank("library_plugin_rank", plugin, member)).isZero();

        String orgWide = GrantEventsTest.grant(org, resource, "{\"org_wide\": true, \"role\": \"viewer\"}");
        String byTeam = GrantEventsTest.grant(org, resource, "{\"team_id\": \"" + team + "\", \"role\": \"editor\"}");
        JsonPath both = explain(org.viewerToken(), org, resource, member);
        assertThat(both.getString("item.role")).isEqualTo("editor");
        assertThat(both.getList("item.reasons.via")).containsExactly("team_grant", "org_wide_grant");
        assertThat(both.getString("item.reasons[0].team_name")).isEqualTo("Support");
        assertThat(both.getString("item.reasons[0].team_id")).isEqualTo(team.toString());
        assertThat(both.getString("item.reasons[0].grant_id")).isEqualTo(byTeam);
        assertThat(both.getString("item.reasons[1].grant_id")).isEqualTo(orgWide);
        assertThat(rankOf(both.getString("item.role"))).isEqualTo(rank("library_plugin_rank", plugin, member));

        GrantEventsTest.grant(org, resource, "{\"org_membership_id\": \"" + member + "\", \"role\": \"manager\"}");
        JsonPath direct = explain(org.viewerToken(), org, resource, member);
        assertThat(direct.getString("item.role")).isEqualTo("manager");
        assertThat(direct.getList("item.reasons.via")).containsExactly("member_grant", "team_grant", "org_wide_grant");
        assertThat(rankOf(direct.getString("item.role"))).isEqualTo(rank("library_plugin_rank", plugin, member));
        assertThat(direct.getString("item.subject")).isEqualTo("viewer-" + org.id());
        assertThat(direct.getString("item.org_role")).isEqualTo("viewer");

        // leaving the team removes that reason
        as(org.ownerToken())
                .delete(base(org.id()) + "/teams/" + team + "/members/" + member)
                .then()
                .statusCode(204);
        assertThat(explain(org.ownerToken(), org, resource, member).getList("item.reasons.via"))
                .containsExactly("member_grant", "org_wide_grant");
    }

    @Test
    void creatorsOrgAdminsAndPluginsHoldingAnObjectAreReasons() throws Exception {
        TestOrg org = TestOrg.create();
        String skill = Library.createSkill(org.editorToken(), org.id(), "explained-skill");
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Holder");
        as(org.ownerToken())
                .body("{\"config_object_id\": \"" + skill + "\"}")
                .post(base(org.id()) + "/plugins/" + plugin + "/members")
                .then()
                .statusCode(201);
        UUID editor;
        UUID viewer;
        UUID owner;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            editor = OrgFixtures.ensureMember(db, org.id(), "editor-" + org.id(), "editor");
            viewer = OrgFixtures.ensureMember(db, org.id(), "viewer-" + org.id(), "viewer");
            owner = OrgFixtures.ensureMember(db, org.id(), "owner-" + org.id(), "owner");
        }
        String resource = "/config-objects/" + skill;
        JsonPath creator = explain(org.editorToken(), org, resource, editor);
        assertThat(creator.getList("item.reasons.via")).containsExactly("creator");
        assertThat(creator.getString("item.role")).isEqualTo("manager");

        // the owner is a manager by its organisation role, and also a viewer through the plugin it created
        JsonPath admin = explain(org.editorToken(), org, resource, owner);
        assertThat(admin.getList("item.reasons.via")).containsExactly("org_role", "plugin");
        assertThat(admin.getString("item.role")).isEqualTo("manager");
        assertThat(admin.getString("item.org_role")).isEqualTo("owner");

        assertThat(explain(org.ownerToken(), org, resource, viewer).getString("item.role"))
                .isNull();
        GrantEventsTest.grant(
                org, "/plugins/" + plugin, "{\"org_membership_id\": \"" + viewer + "\", \"role\": \"viewer\"}");
        JsonPath viaPlugin = explain(org.ownerToken(), org, resource, viewer);
        assertThat(viaPlugin.getList("item.reasons.via")).containsExactly("plugin");
        assertThat(viaPlugin.getString("item.reasons[0].plugin_name")).isEqualTo("Holder");
        assertThat(viaPlugin.getString("item.reasons[0].plugin_id")).isEqualTo(plugin);
        assertThat(viaPlugin.getString("item.role")).isEqualTo("viewer");
        assertThat(rank("library_object_rank", skill, viewer)).isEqualTo(1);
    }

    @Test
    void onlyThoseWhoSeeTheResourceMayAskAndBadInputIsNamed() throws Exception {
        TestOrg org = TestOrg.create();
        TestOrg other = TestOrg.create();
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Private");
        UUID owner;
        UUID foreign;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            owner = OrgFixtures.ensureMember(db, org.id(), "owner-" + org.id(), "owner");
            foreign = OrgFixtures.ensureMember(db, other.id(), "owner-" + other.id(), "owner");
        }
        String path = base(org.id()) + "/plugins/" + plugin + "/grants/explain";
        // the viewer cannot see the plugin: it does not exist for it
        as(org.viewerToken())
                .queryParam("org_membership_id", owner.toString())
                .get(path)
                .then()
                .statusCode(404);
        // a member of another organisation is not found here
        as(org.ownerToken())
                .queryParam("org_membership_id", foreign.toString())
                .get(path)
                .then()
                .statusCode(404);
        as(other.ownerToken())
                .queryParam("org_membership_id", owner.toString())
                .get(path)
                .then()
                .statusCode(404);
        as(org.ownerToken())
                .get(path)
                .then()
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].pointer", is("query:org_membership_id"))
                .body("errors[0].code", is("required"));
        as(org.ownerToken())
                .queryParam("org_membership_id", "nope")
                .get(path)
                .then()
                .statusCode(400)
                .body("errors[0].code", is("uuid"));
        given().queryParam("org_membership_id", owner.toString())
                .get(path)
                .then()
                .statusCode(401);
        as(org.ownerToken())
                .queryParam("org_membership_id", owner.toString())
                .get(path)
                .then()
                .statusCode(200)
                .body("item.reasons.via", contains("org_role", "creator"))
                .body("item.reasons[1].grant_id", nullValue());
    }
}
