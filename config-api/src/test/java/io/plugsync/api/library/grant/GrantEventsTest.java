package io.plugsync.api.library.grant;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.library.Library;
import io.plugsync.api.library.Outbox;
import io.plugsync.api.support.TestOrg;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Grants on a plugin append {@code plugin.grant.changed} naming exactly one principal; grants on
 * config objects and connector instances append nothing.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class GrantEventsTest {

    static List<JsonNode> grantEvents(String plugin) {
        return Outbox.of(OutboxContract.PLUGIN, plugin).stream()
                .filter(e -> e.eventType().equals(OutboxContract.PLUGIN_GRANT_CHANGED.name()))
                .map(Outbox.Event::payload)
                .toList();
    }

    static String grant(TestOrg org, String resource, String body) {
        return as(org.ownerToken())
                .body(body)
                .post(base(org.id()) + resource + "/grants")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
    }

    @Test
    void grantingAndRevokingOnAPluginAppendAddedAndRemovedWithOnePrincipal() throws Exception {
        TestOrg org = TestOrg.create();
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Granted");
        UUID member;
        UUID team;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            member = OrgFixtures.ensureMember(db, org.id(), "viewer-" + org.id(), "viewer");
            team = OrgFixtures.ensureTeam(db, org.id(), "grantees");
        }
        String direct =
                grant(org, "/plugins/" + plugin, "{\"org_membership_id\": \"" + member + "\", \"role\": \"viewer\"}");
        String byTeam = grant(org, "/plugins/" + plugin, "{\"team_id\": \"" + team + "\", \"role\": \"editor\"}");
        String orgWide = grant(org, "/plugins/" + plugin, "{\"org_wide\": true, \"role\": \"viewer\"}");
        as(org.ownerToken())
                .delete(base(org.id()) + "/plugins/" + plugin + "/grants/" + byTeam)
                .then()
                .statusCode(204);

        List<JsonNode> events = grantEvents(plugin);
        assertThat(events).hasSize(4);
        assertThat(events.stream().map(e -> e.get("change").asText()))
                .containsExactly("added", "added", "added", "removed");
        assertThat(events.stream().map(e -> e.get("grant_id").asText()))
                .containsExactly(direct, byTeam, orgWide, byTeam);
        assertThat(events.get(0).get("org_membership_id").asText()).isEqualTo(member.toString());
        assertThat(events.get(0).get("team_id").isNull()).isTrue();
        assertThat(events.get(0).get("org_wide").asBoolean()).isFalse();
        assertThat(events.get(1).get("team_id").asText()).isEqualTo(team.toString());
        assertThat(events.get(1).get("org_membership_id").isNull()).isTrue();
        assertThat(events.get(2).get("org_wide").asBoolean()).isTrue();
        assertThat(events.get(3).get("team_id").asText()).isEqualTo(team.toString());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("organization_id").asText()).isEqualTo(org.id().toString());
            assertThat(e.get("plugin_id").asText()).isEqualTo(plugin);
        });
    }

    @Test
    void aRegrantThatChangesTheRoleAppendsAddedForTheSameGrant() {
        TestOrg org = TestOrg.create();
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Regranted");
        String first = grant(org, "/plugins/" + plugin, "{\"org_wide\": true, \"role\": \"viewer\"}");
        String second = grant(org, "/plugins/" + plugin, "{\"org_wide\": true, \"role\": \"editor\"}");
        assertThat(second).isEqualTo(first);
        assertThat(grantEvents(plugin).stream().map(e -> e.get("change").asText()))
                .containsExactly("added", "added");
    }

    @Test
    void aRejectedOrRepeatedRevokeAppendsNothing() {
        TestOrg org = TestOrg.create();
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Strict");
        String granted = grant(org, "/plugins/" + plugin, "{\"org_wide\": true, \"role\": \"viewer\"}");
        as(org.ownerToken())
                .delete(base(org.id()) + "/plugins/" + plugin + "/grants/" + granted)
                .then()
                .statusCode(204);
        long before = Outbox.total();
        as(org.ownerToken())
                .delete(base(org.id()) + "/plugins/" + plugin + "/grants/" + granted)
                .then()
                .statusCode(404);
        as(org.ownerToken())
                .body("{\"org_wide\": true, \"role\": \"owner\"}")
                .post(base(org.id()) + "/plugins/" + plugin + "/grants")
                .then()
                .statusCode(422);
        as(org.ownerToken())
                .body("{\"team_id\": \"" + UUID.randomUUID() + "\", \"role\": \"viewer\"}")
                .post(base(org.id()) + "/plugins/" + plugin + "/grants")
                .then()
                .statusCode(422);
        as(org.viewerToken())
                .body("{\"org_wide\": true, \"role\": \"viewer\"}")
                .post(base(org.id()) + "/plugins/" + plugin + "/grants")
                .then()
                .statusCode(404);
        assertThat(Outbox.total()).isEqualTo(before);
        assertThat(Library.count(
                        "SELECT count(*) FROM plugin_access_grant WHERE plugin_id = ? AND removed_at IS NULL",
                        Library.uuid(plugin)))
                .isZero();
    }

    @Test
    void grantsOnConfigObjectsAndConnectorInstancesAppendNoEvent() {
        TestOrg org = TestOrg.create();
        String object = Library.createSkill(org.ownerToken(), org.id(), "shared-skill");
        String instance = Library.source(org)[1];
        long before = Outbox.total();
        String objectGrant = grant(org, "/config-objects/" + object, "{\"org_wide\": true, \"role\": \"viewer\"}");
        String instanceGrant =
                grant(org, "/connector-instances/" + instance, "{\"org_wide\": true, \"role\": \"viewer\"}");
        as(org.ownerToken())
                .delete(base(org.id()) + "/config-objects/" + object + "/grants/" + objectGrant)
                .then()
                .statusCode(204);
        as(org.ownerToken())
                .delete(base(org.id()) + "/connector-instances/" + instance + "/grants/" + instanceGrant)
                .then()
                .statusCode(204);
        assertThat(Outbox.total()).isEqualTo(before);
    }
}
