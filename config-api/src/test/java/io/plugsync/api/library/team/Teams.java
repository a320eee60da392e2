package io.plugsync.api.library.team;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Team API calls and fixtures shared by the team tests. */
final class Teams {
    static final List<String> TABLES =
            List.of("team", "team_membership", "plugin_access_grant", "config_object_access_grant", "outbox_event");

    private Teams() {}

    static String path(TestOrg org) {
        return base(org.id()) + "/teams";
    }

    static String create(String token, TestOrg org, String name) {
        return as(token)
                .body("{\"name\": " + Library.json(name) + "}")
                .post(path(org))
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
    }

    static void addMember(String token, TestOrg org, String team, UUID member, int status) {
        as(token).put(path(org) + "/" + team + "/members/" + member).then().statusCode(status);
    }

    /** The membership id of a subject of the organisation, created with {@code role} when missing. */
    static UUID member(TestOrg org, String subject, String role) {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            return OrgFixtures.ensureMember(db, org.id(), subject, role);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token of a new organisation admin (not owner). */
    static String adminToken(TestOrg org) {
        String subject = "admin-" + UUID.randomUUID();
        member(org, subject, "admin");
        return PlugSyncTestEngines.token(subject, Map.of(org.id().toString(), "admin"));
    }

    /** Row counts of the tables a team write touches, plus live teams and active plugin grants. */
    static Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, Library.count("SELECT count(*) FROM " + table));
        }
        counts.put("live_teams", Library.count("SELECT count(*) FROM team WHERE deleted_at IS NULL"));
        counts.put("active_grants", Library.count("SELECT count(*) FROM plugin_access_grant WHERE removed_at IS NULL"));
        return counts;
    }
}
