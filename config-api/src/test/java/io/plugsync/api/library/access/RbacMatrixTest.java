package io.plugsync.api.library.access;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each grant path and role, the status every endpoint family answers a member who is neither
 * creator nor (except for the implicit-admin path) organisation admin. Expectations are literal.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class RbacMatrixTest {
    static final List<String> FAMILIES = List.of(
            "object.read",
            "object.versions",
            "object.versions.latest",
            "object.versions.compare",
            "object.provenance",
            "object.update",
            "object.grants.list",
            "object.grants.add",
            "object.plugins.list",
            "object.plugins.add",
            "object.plugins.remove",
            "plugin.read",
            "plugin.resolved",
            "plugin.update",
            "plugin.release",
            "plugin.grants.add",
            "plugin.archive",
            "plugin.restore",
            "instance.read",
            "instance.targets",
            "instance.resync",
            "instance.grants.add",
            "object.archive",
            "object.restore",
            "object.delete");

    /** Expected status per family for a grant of viewer, editor and manager (in that order). */
    static final Map<String, int[]> BY_ROLE = Map.ofEntries(
            Map.entry("object.read", new int[] {200, 200, 200}),
            Map.entry("object.versions", new int[] {200, 200, 200}),
            Map.entry("object.versions.latest", new int[] {200, 200, 200}),
            Map.entry("object.versions.compare", new int[] {200, 200, 200}),
            Map.entry("object.provenance", new int[] {200, 200, 200}),
            Map.entry("object.update", new int[] {403, 200, 200}),
            Map.entry("object.grants.list", new int[] {200, 200, 200}),
            Map.entry("object.grants.add", new int[] {403, 403, 201}),
            // membership is the plugin's composition: edit on the plugin, sight of the object
            Map.entry("object.plugins.list", new int[] {200, 200, 200}),
            Map.entry("object.plugins.add", new int[] {403, 201, 201}),
            Map.entry("object.plugins.remove", new int[] {403, 204, 204}),
            Map.entry("plugin.read", new int[] {200, 200, 200}),
            Map.entry("plugin.resolved", new int[] {200, 200, 200}),
            Map.entry("plugin.update", new int[] {403, 200, 200}),
            Map.entry("plugin.release", new int[] {403, 201, 201}),
            Map.entry("plugin.grants.add", new int[] {403, 403, 201}),
            Map.entry("plugin.archive", new int[] {403, 403, 200}),
            Map.entry("plugin.restore", new int[] {403, 403, 200}),
            Map.entry("instance.read", new int[] {200, 200, 200}),
            Map.entry("instance.targets", new int[] {200, 200, 200}),
            Map.entry("instance.resync", new int[] {403, 202, 202}),
            Map.entry("instance.grants.add", new int[] {403, 403, 201}),
            Map.entry("object.archive", new int[] {403, 403, 200}),
            Map.entry("object.restore", new int[] {403, 403, 200}),
            Map.entry("object.delete", new int[] {403, 403, 200}));

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String path : List.of("direct", "team", "org_wide")) {
            for (int r = 0; r < 3; r++) {
                String role = List.of("viewer", "editor", "manager").get(r);
                Map<String, Integer> expected = new LinkedHashMap<>();
                for (String family : FAMILIES) {
                    expected.put(family, BY_ROLE.get(family)[r]);
                }
                cases.add(Arguments.of(path, role, "viewer", expected));
            }
        }
        // plugin viewer access gives viewer on its objects, nothing more; instances are unaffected
        Map<String, Integer> viaPlugin = new LinkedHashMap<>();
        for (String family : FAMILIES) {
            int status = family.startsWith("instance.") ? 404 : BY_ROLE.get(family)[0];
            viaPlugin.put(family, status);
        }
        cases.add(Arguments.of("via_plugin", "viewer", "editor", viaPlugin));
        Map<String, Integer> admin = new LinkedHashMap<>();
        Map<String, Integer> none = new LinkedHashMap<>();
        for (String family : FAMILIES) {
            admin.put(family, BY_ROLE.get(family)[2]);
            none.put(family, 404);
        }
        cases.add(Arguments.of("implicit_admin", "-", "admin", admin));
        cases.add(Arguments.of("none", "-", "viewer", none));
        cases.add(Arguments.of("none", "-", "editor", none));
        return cases.build();
    }

    @ParameterizedTest(name = "{0} {1} (org {2})")
    @MethodSource("cases")
    void statusPerEndpointFamily(String path, String role, String orgRole, Map<String, Integer> expected)
            throws Exception {
        TestOrg org = TestOrg.create();
        String object = Library.createSkill(org.ownerToken(), org.id(), "matrix-skill");
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Matrix");
        String version = as(org.ownerToken())
                .get(base(org.id()) + "/config-objects/" + object + "/versions/latest")
                .then()
                .extract()
                .path("item.id");
        String[] source = Library.source(org);
        String instance = source[1];
        String target = source[2];
        String subject = "subject-" + UUID.randomUUID();
        String principal;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID member = OrgFixtures.ensureMember(db, org.id(), subject, orgRole);
            UUID team = OrgFixtures.ensureTeam(db, org.id(), "team-" + subject);
            OrgFixtures.addToTeam(db, team, member);
            principal = switch (path) {
                case "direct" -> "\"org_membership_id\": \"" + member + "\"";
                case "team" -> "\"team_id\": \"" + team + "\"";
                default -> "\"org_wide\": true";
            };
        }
        String o = base(org.id());
        switch (path) {
            case "direct", "team", "org_wide" -> {
                String grant = "{" + principal + ", \"role\": \"" + role + "\"}";
                for (String resource : List.of(
                        "/config-objects/" + object, "/plugins/" + plugin, "/connector-instances/" + instance)) {
                    as(org.ownerToken())
                            .body(grant)
                            .post(o + resource + "/grants")
                            .then()
                            .statusCode(201);
                }
            }
            case "via_plugin" -> {
                as(org.ownerToken())
                        .body("{\"config_object_id\": \"" + object + "\"}")
                        .post(o + "/plugins/" + plugin + "/members")
                        .then()
                        .statusCode(201);
                as(org.ownerToken())
                        .body("{" + principal + ", \"role\": \"viewer\"}")
                        .post(o + "/plugins/" + plugin + "/grants")
                        .then()
                        .statusCode(201);
            }
            default -> {}
        }
        String token = PlugSyncTestEngines.token(subject, Map.of(org.id().toString(), orgRole));
        String update = "{\"content\": " + Library.json(Library.SKILL.replace("pdf-tools", "matrix-skill")) + "}";
        String share = "{\"team_id\": \"" + teamOf(org) + "\", \"role\": \"viewer\"}";
        Map<String, Integer> actual = new LinkedHashMap<>();
        List<String> wrongTypes = new ArrayList<>();
        for (String family : FAMILIES) {
            Response response = switch (family) {
                case "object.read" -> as(token).get(o + "/config-objects/" + object);
                case "object.versions" -> as(token).get(o + "/config-objects/" + object + "/versions");
                case "object.versions.latest" -> as(token).get(o + "/config-objects/" + object + "/versions/latest");
                case "object.versions.compare" ->
                    as(token)
                            .get(o + "/config-objects/" + object + "/versions/compare?from=" + version + "&to="
                                    + version);
                case "object.provenance" -> as(token).get(o + "/config-objects/" + object + "/provenance");
                case "object.plugins.list" -> as(token).get(o + "/config-objects/" + object + "/plugins");
                case "object.plugins.add" ->
                    as(token)
                            .body("{\"plugin_id\": \"" + plugin + "\"}")
                            .post(o + "/config-objects/" + object + "/plugins");
                case "object.plugins.remove" ->
                    as(token).delete(o + "/config-objects/" + object + "/plugins/" + plugin);
                case "plugin.archive" -> as(token).post(o + "/plugins/" + plugin + "/archive");
                case "plugin.restore" -> as(token).post(o + "/plugins/" + plugin + "/restore");
                case "object.archive" -> as(token).post(o + "/config-objects/" + object + "/archive");
                case "object.restore" -> as(token).post(o + "/config-objects/" + object + "/restore");
                case "object.update" -> as(token).body(update).put(o + "/config-objects/" + object);
                case "object.grants.list" -> as(token).get(o + "/config-objects/" + object + "/grants");
                case "object.grants.add" -> as(token).body(share).post(o + "/config-objects/" + object + "/grants");
                case "plugin.read" -> as(token).get(o + "/plugins/" + plugin);
                case "plugin.resolved" -> as(token).get(o + "/plugins/" + plugin + "/resolved");
                case "plugin.update" ->
                    as(token).body("{\"description\": \"changed\"}").patch(o + "/plugins/" + plugin);
                case "plugin.release" -> as(token).body("{}").post(o + "/plugins/" + plugin + "/releases");
                case "plugin.grants.add" -> as(token).body(share).post(o + "/plugins/" + plugin + "/grants");
                case "instance.read" -> as(token).get(o + "/connector-instances/" + instance);
                case "instance.targets" -> as(token).get(o + "/connector-instances/" + instance + "/targets");
                case "instance.resync" ->
                    as(token).post(o + "/connector-instances/" + instance + "/targets/" + target + "/resync");
                case "instance.grants.add" ->
                    as(token).body(share).post(o + "/connector-instances/" + instance + "/grants");
                case "object.delete" -> as(token).delete(o + "/config-objects/" + object);
                default -> throw new IllegalArgumentException(family);
            };
            int status = response.statusCode();
            if (status == 403) {
                String type = response.jsonPath().getString("type");
                if (type == null || !type.endsWith("/missing-resource-role")) {
                    wrongTypes.add(family + ": " + type);
                }
            }
            actual.put(family, status);
        }
        assertThat(actual).as("%s %s (org role %s)", path, role, orgRole).isEqualTo(expected);
        // every 403 here is a role on a visible resource, never an organisation capability
        assertThat(wrongTypes).as("403 problem types").isEmpty();
    }

    /** A second team to share with (distinct from the subject's team). */
    static String teamOf(TestOrg org) throws Exception {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            return OrgFixtures.ensureTeam(db, org.id(), "others").toString();
        }
    }
}
