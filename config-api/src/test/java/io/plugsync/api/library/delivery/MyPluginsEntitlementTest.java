package io.plugsync.api.library.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.plugsync.common.delivery.ResolvedPlugin;
import io.plugsync.common.library.PayloadCipher;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** Who sees which delivered plugin: member, team and org entitlements, status, organisation, revoke. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class MyPluginsEntitlementTest {
    @Inject
    DynamoDbAsyncClient dynamo;

    @Inject
    PayloadCipher cipher;

    Replica replica;

    @BeforeEach
    void table() {
        replica = new Replica(dynamo, cipher).ensureTable();
    }

    ResolvedPlugin delivered(UUID org, String name, String status) {
        ResolvedPlugin plugin = Replica.plugin(
                org, name, status, List.of(Replica.skill(name.toLowerCase() + "-skill", "# " + name + "\nDo it.\n")));
        replica.deliver(plugin);
        return plugin;
    }

    @Test
    void aMemberEntitlementListsThePluginAndServesItsFiles() {
        Reader reader = Reader.create();
        ResolvedPlugin plugin = delivered(reader.org(), "Sales", "active");
        replica.entitleMember(reader.org(), reader.membershipId(), List.of(plugin.pluginId()), List.of());
        ResolvedPlugin.Member member = plugin.members().get(0);

        reader.list()
                .statusCode(200)
                .body("items.plugin_id", contains(plugin.pluginId().toString()))
                .body("items[0].name", is("Sales"))
                .body("items[0].description", is("Sales for tests"))
                .body("items[0].checksum", is(plugin.checksum()))
                .body(
                        "items[0].members[0].config_object_id",
                        is(member.configObjectId().toString()))
                .body("items[0].members[0].object_type", is("skill"))
                .body("items[0].members[0].title", is(member.title()))
                .body("items[0].members[0].version_id", is(member.versionId().toString()))
                .body("items[0].members[0].path", is("skills/sales-skill/SKILL.md"))
                .body("items[0].members[0]", not(hasKey("content")));
        reader.get(plugin.pluginId())
                .statusCode(200)
                .body("item.plugin_id", is(plugin.pluginId().toString()))
                .body("item.members[0].path", is("skills/sales-skill/SKILL.md"))
                .body("item.members[0].content", is(member.content()));
    }

    @Test
    void aTeamEntitlementReachesTheTeamsMembers() {
        Reader reader = Reader.create();
        UUID team = reader.team();
        ResolvedPlugin plugin = delivered(reader.org(), "Support", "active");
        replica.entitleMember(reader.org(), reader.membershipId(), List.of(), List.of(team));
        replica.entitleTeam(reader.org(), team, List.of(plugin.pluginId()));

        reader.list()
                .statusCode(200)
                .body("items.plugin_id", contains(plugin.pluginId().toString()));
        reader.get(plugin.pluginId()).statusCode(200).body("item.name", is("Support"));
    }

    @Test
    void anOrgEntitlementReachesEveryMember() {
        Reader reader = Reader.create();
        ResolvedPlugin plugin = delivered(reader.org(), "Everyone", "active");
        replica.entitleOrg(reader.org(), List.of(plugin.pluginId()));

        reader.list()
                .statusCode(200)
                .body("items.plugin_id", contains(plugin.pluginId().toString()));
        reader.get(plugin.pluginId()).statusCode(200).body("item.name", is("Everyone"));
    }

    @Test
    void aPluginWithoutEntitlementIs404AndNotListed() {
        Reader reader = Reader.create();
        ResolvedPlugin granted = delivered(reader.org(), "Granted", "active");
        ResolvedPlugin other = delivered(reader.org(), "Other", "active");
        replica.entitleMember(reader.org(), reader.membershipId(), List.of(granted.pluginId()), List.of());

        reader.list()
                .statusCode(200)
                .body("items.plugin_id", contains(granted.pluginId().toString()));
        reader.get(other.pluginId())
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("https://plugsync.io/problems/not-found"));
    }

    @Test
    void inactiveAndArchivedPluginsAreNeitherListedNorServed() {
        Reader reader = Reader.create();
        ResolvedPlugin active = delivered(reader.org(), "Active", "active");
        ResolvedPlugin inactive = delivered(reader.org(), "Inactive", "inactive");
        ResolvedPlugin archived = delivered(reader.org(), "Archived", "archived");
        replica.entitleOrg(reader.org(), List.of(active.pluginId(), inactive.pluginId(), archived.pluginId()));

        reader.list()
                .statusCode(200)
                .body("items.plugin_id", contains(active.pluginId().toString()));
        reader.get(inactive.pluginId()).statusCode(404);
        reader.get(archived.pluginId()).statusCode(404);
    }

    @Test
    void anotherOrganisationsPluginIsNeverShownEvenWhenItsIdIsEntitled() {
        Reader reader = Reader.create();
        Reader stranger = Reader.create();
        ResolvedPlugin theirs = delivered(stranger.org(), "Theirs", "active");
        replica.entitleMember(reader.org(), reader.membershipId(), List.of(theirs.pluginId()), List.of());
        replica.entitleOrg(reader.org(), List.of(theirs.pluginId()));

        reader.list().statusCode(200).body("items", empty());
        reader.get(theirs.pluginId()).statusCode(404);
        // and the stranger's own org id is not in the reader's token: 404, not its plugins
        given().auth()
                .oauth2(reader.token())
                .queryParam("org_id", stranger.org().toString())
                .get("/v1/me/plugins")
                .then()
                .statusCode(404);
    }

    @Test
    void aRevokedEntitlementIsGoneFromListAndGet() {
        Reader reader = Reader.create();
        ResolvedPlugin kept = delivered(reader.org(), "Kept", "active");
        ResolvedPlugin revoked = delivered(reader.org(), "Revoked", "active");
        replica.entitleMember(
                reader.org(), reader.membershipId(), List.of(kept.pluginId(), revoked.pluginId()), List.of());
        reader.list()
                .statusCode(200)
                .body("items.plugin_id", hasItem(revoked.pluginId().toString()));
        reader.get(revoked.pluginId()).statusCode(200);

        replica.entitleMember(reader.org(), reader.membershipId(), List.of(kept.pluginId()), List.of());

        reader.list()
                .statusCode(200)
                .body("items.plugin_id", contains(kept.pluginId().toString()));
        reader.get(revoked.pluginId()).statusCode(404);
    }

    @Test
    void aCallerWithoutAMembershipRowHasNoPlugins() {
        Reader reader = Reader.create();
        ResolvedPlugin plugin = delivered(reader.org(), "OrgWide", "active");
        replica.entitleOrg(reader.org(), List.of(plugin.pluginId()));
        String newcomer = PlugSyncTestEngines.token(
                "newcomer-" + UUID.randomUUID(), Map.of(reader.org().toString(), "viewer"));

        given().auth()
                .oauth2(newcomer)
                .get("/v1/me/plugins")
                .then()
                .statusCode(200)
                .body("items", empty());
        given().auth()
                .oauth2(newcomer)
                .get("/v1/me/plugins/" + plugin.pluginId())
                .then()
                .statusCode(404);
    }

    @Test
    void orgIdMayBeOmittedOnlyWhenTheTokenNamesOneOrganisation() {
        Reader reader = Reader.create();
        Reader other = Reader.create();
        String both = PlugSyncTestEngines.token(
                "both-" + UUID.randomUUID(),
                Map.of(reader.org().toString(), "viewer", other.org().toString(), "viewer"));

        given().auth()
                .oauth2(both)
                .get("/v1/me/plugins")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", contains("/org_id"));
        given().auth()
                .oauth2(both)
                .get("/v1/me/plugins/" + UUID.randomUUID())
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/org_id"));
        given().auth()
                .oauth2(both)
                .queryParam("org_id", "not-a-uuid")
                .get("/v1/me/plugins")
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/org_id"));
        given().auth()
                .oauth2(both)
                .queryParam("org_id", reader.org().toString())
                .get("/v1/me/plugins")
                .then()
                .statusCode(200)
                .body("items", empty());
        given().auth()
                .oauth2(reader.token())
                .queryParam("org_id", UUID.randomUUID().toString())
                .get("/v1/me/plugins")
                .then()
                .statusCode(404);
    }

    @Test
    void withoutATokenBothEndpointsAre401() {
        given().get("/v1/me/plugins").then().statusCode(401);
        given().get("/v1/me/plugins/" + UUID.randomUUID()).then().statusCode(401);
    }
}
