package io.plugsync.api.source;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** A connector instance shared with members of each role, and rows the sync worker would write. */
final class SourceFixtures {
    private SourceFixtures() {}

    /**
     * The owner's account, instance and target ({@link Library#source}) and tokens of non-admin
     * members holding viewer, editor and manager on the instance; {@code outsider} is a member with
     * no access to it.
     */
    record Shared(
            TestOrg org,
            String account,
            String instance,
            String target,
            String viewer,
            String editor,
            String manager,
            String outsider) {

        String base() {
            return Library.base(org.id());
        }

        UUID member(String role) {
            return membership(org, role + "-" + org.id());
        }
    }

    static Shared shared() {
        TestOrg org = TestOrg.create();
        String[] ids = Library.source(org);
        String manager = memberToken(org, "manager", "editor");
        String outsider = memberToken(org, "outsider", "editor");
        grant(org, ids[1], "viewer", "viewer");
        grant(org, ids[1], "editor", "editor");
        grant(org, ids[1], "manager", "manager");
        return new Shared(org, ids[0], ids[1], ids[2], org.viewerToken(), org.editorToken(), manager, outsider);
    }

    static String memberToken(TestOrg org, String name, String orgRole) {
        String subject = name + "-" + org.id();
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            OrgFixtures.ensureMember(db, org.id(), subject, orgRole);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return PlugSyncTestEngines.token(subject, Map.of(org.id().toString(), orgRole));
    }

    static void grant(TestOrg org, String instance, String member, String role) {
        as(org.ownerToken())
                .body("{\"org_membership_id\": \"" + membership(org, member + "-" + org.id()) + "\", \"role\": \""
                        + role + "\"}")
                .post(base(org.id()) + "/connector-instances/" + instance + "/grants")
                .then()
                .statusCode(201);
    }

    static UUID membership(TestOrg org, String subject) {
        return (UUID)
                scalar("SELECT id FROM org_membership WHERE organization_id = ? AND subject = ?", org.id(), subject);
    }

    /**
     * What a finished sync of the target leaves: its revision, its tree and no waiting sync (the
     * initial one is completed).
     */
    static void synced(String target, String revision, String... paths) {
        UUID id = UUID.fromString(target);
        exec("UPDATE connector_target SET last_synced_revision_ref = ? WHERE id = ?", revision, id);
        exec(
                "UPDATE connector_sync_event SET status = 'completed', completed_at = now()"
                        + " WHERE connector_target_id = ? AND status = 'queued'",
                id);
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement st = db.prepareStatement("INSERT INTO connector_target_tree"
                        + " (connector_target_id, source_revision_ref, paths) VALUES (?, ?, ?)"
                        + " ON CONFLICT (connector_target_id) DO UPDATE SET source_revision_ref = EXCLUDED.source_revision_ref,"
                        + " paths = EXCLUDED.paths, captured_at = now()")) {
            st.setObject(1, id);
            st.setString(2, revision);
            st.setArray(3, db.createArrayOf("text", paths));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A binding of a config object to the mapping, as a sync creates it. */
    static void bind(Shared s, String mapping) {
        String object = Library.createSkill(s.org().ownerToken(), s.org().id(), "bound-" + UUID.randomUUID());
        exec(
                "INSERT INTO connector_source_binding (config_object_id, connector_instance_id, connector_target_id,"
                        + " connector_mapping_id, connector_type, remote_id, external_locator)"
                        + " VALUES (?, ?, ?, ?, 'github', 'acme/agents', ?)",
                UUID.fromString(object),
                UUID.fromString(s.instance()),
                UUID.fromString(s.target()),
                UUID.fromString(mapping),
                "skills/" + object + "/SKILL.md");
    }

    /** A sync of the target held by the mass-deletion guard. */
    static String held(Shared s) {
        return scalar(
                        "INSERT INTO connector_sync_event (connector_instance_id, connector_target_id, connector_type,"
                                + " remote_id, event_type, source_revision_ref, status, summary_json)"
                                + " VALUES (?, ?, 'github', 'acme/agents', 'push', ?, 'needs_confirmation',"
                                + " '{\"planned_deletions\": 10, \"live_objects\": 12, \"deleted_paths\": [\"a/SKILL.md\"]}'::jsonb)"
                                + " RETURNING id",
                        UUID.fromString(s.instance()),
                        UUID.fromString(s.target()),
                        UUID.randomUUID().toString().replace("-", ""))
                .toString();
    }

    static String mapping(Shared s, String selector) {
        return as(s.org().ownerToken())
                .body("{\"selector\": \"" + selector + "\", \"object_type\": \"skill\"}")
                .post(s.base() + "/connector-targets/" + s.target() + "/mappings")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
    }

    static long queued(String target) {
        return Library.count(
                "SELECT count(*) FROM connector_sync_event WHERE connector_target_id = ? AND status = 'queued'",
                UUID.fromString(target));
    }

    static String status(String event) {
        return (String) scalar("SELECT status FROM connector_sync_event WHERE id = ?", UUID.fromString(event));
    }

    static Object scalar(String sql, Object... params) {
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void exec(String sql, Object... params) {
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
