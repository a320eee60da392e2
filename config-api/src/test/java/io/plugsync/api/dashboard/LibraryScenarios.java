package io.plugsync.api.dashboard;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;

import io.plugsync.api.bench.QueryPlans;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the library browser scenarios need beyond the API a person uses: rows only the sync worker
 * (connector-ingest) writes (sync events with their per-file summary, held syncs, the synced
 * tree, source bindings and tombstones), 10,000 objects, and a second organisation. Each returns
 * the environment of its Node scenario.
 */
final class LibraryScenarios {
    static final int SCALE_OBJECTS = 10_000;
    static final String REPOSITORY = "acme/agent-skills";

    private LibraryScenarios() {}

    static Map<String, String> env(String scenario, DemoOrg org) {
        return switch (scenario) {
            case "library-scale" -> scale();
            case "sources" -> sources(org);
            case "routes" -> secondOrganisation(org);
            default -> Map.of();
        };
    }

    /** An organisation of 10,000 objects and its owner (the first page must render as fast as any). */
    private static Map<String, String> scale() {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID org = OrgFixtures.newOrganisation(db, "scale");
            UUID owner = OrgFixtures.ensureMember(db, org, DemoOrg.OWNER, "owner");
            UUID other = OrgFixtures.ensureMember(db, org, DemoOrg.EDITOR, "editor");
            QueryPlans.seedObjects(db, org, owner, other, SCALE_OBJECTS);
            return Map.of(
                    "SCALE_ORG_ID",
                    org.toString(),
                    "SCALE_TOKEN",
                    PlugSyncTestEngines.token(DemoOrg.OWNER, Map.of(org.toString(), "owner")),
                    "SCALE_OBJECTS",
                    String.valueOf(SCALE_OBJECTS));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The owner is also the owner of a second organisation, where a plugin lives. */
    private static Map<String, String> secondOrganisation(DemoOrg org) {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID second = OrgFixtures.newOrganisation(db, "second");
            OrgFixtures.ensureMember(db, second, DemoOrg.OWNER, "owner");
            String token = PlugSyncTestEngines.token(
                    DemoOrg.OWNER, Map.of(org.id().toString(), "owner", second.toString(), "owner"));
            return Map.of("SECOND_ORG_ID", second.toString(), "TWO_ORG_TOKEN", token);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A GitHub source as a few syncs leave it: an instance with one repository target and a
     * mapping, the tree of its last sync, a finished sync with one file that failed to parse, two
     * syncs held by the mass-deletion guard, and a skill whose file was deleted and came back (the
     * deleted object, its tombstone, and the new object that took the path).
     */
    private static Map<String, String> sources(DemoOrg org) {
        String owner = org.tokens().get("OWNER_TOKEN");
        String account = created(
                owner,
                base(org.id()) + "/connector-accounts",
                "{\"connector_type\": \"github\", \"remote_id\": \"48151623\", \"display_name\": \"acme (GitHub App)\"}");
        String instance = created(
                owner,
                base(org.id()) + "/connector-instances",
                "{\"connector_account_id\": \"" + account + "\", \"name\": \"Acme agent skills\"}");
        String target = created(
                owner,
                base(org.id()) + "/connector-instances/" + instance + "/targets",
                "{\"remote_id\": \"" + REPOSITORY + "\", \"external_target_ref\": \"main\"}");
        String mapping = created(
                owner,
                base(org.id()) + "/connector-targets/" + target + "/mappings",
                "{\"selector\": \"/skills/*/SKILL.md\", \"object_type\": \"skill\"}");
        String deleted = created(owner, base(org.id()) + "/config-objects", skill("pdf-tools", "Fill PDF forms"));
        // the sync deleted it when its file went (a deleted version), before the file came back
        as(owner).delete(base(org.id()) + "/config-objects/" + deleted).then().statusCode(200);
        String back = created(owner, base(org.id()) + "/config-objects", skill("pdf-tools", "Fill and sign PDF forms"));
        String sql = created(owner, base(org.id()) + "/config-objects", skill("sql-helper", "Write safe SQL"));
        Map<String, String> env = new HashMap<>();
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID i = UUID.fromString(instance);
            UUID t = UUID.fromString(target);
            UUID m = UUID.fromString(mapping);
            // the queued initial sync and the mapping's resync ran
            exec(
                    db,
                    "UPDATE connector_sync_event SET status = 'completed', completed_at = now(), source_revision_ref = NULL"
                            + " WHERE connector_target_id = ? AND status = 'queued'",
                    t);
            String head = "9f3c2a7d1b8e4f6a0c5d2e9b7a1f3c8d4e6b0a2c";
            exec(db, "UPDATE connector_target SET last_synced_revision_ref = ? WHERE id = ?", head, t);
            List<String> tree = List.of(
                    "README.md",
                    "skills/pdf-tools/SKILL.md",
                    "skills/pdf-tools/forms.py",
                    "skills/sql-helper/SKILL.md",
                    "skills/broken/SKILL.md",
                    "skills/release-notes/SKILL.md",
                    "commands/review.md",
                    "commands/deploy.md",
                    "agents/reviewer.md",
                    "docs/skills/overview.md");
            try (PreparedStatement st = db.prepareStatement("INSERT INTO connector_target_tree"
                    + " (connector_target_id, source_revision_ref, paths) VALUES (?, ?, ?)")) {
                st.setObject(1, t);
                st.setString(2, head);
                st.setArray(3, db.createArrayOf("text", tree.toArray()));
                st.executeUpdate();
            }
            for (String object : List.of(deleted, back, sql)) {
                exec(
                        db,
                        "UPDATE config_object SET source_mode = 'connector', connector_instance_id = ? WHERE id = ?",
                        i,
                        UUID.fromString(object));
            }
            UUID finished = UUID.fromString(scalar(
                    db,
                    "INSERT INTO connector_sync_event (connector_instance_id, connector_target_id, connector_type,"
                            + " remote_id, event_type, external_event_ref, source_revision_ref, status, summary_json,"
                            + " attempts, started_at, completed_at) VALUES (?, ?, 'github', ?, 'push', ?, ?,"
                            + " 'completed_with_errors', ?::jsonb, 1, now() - interval '20 minutes',"
                            + " now() - interval '19 minutes') RETURNING id",
                    i,
                    t,
                    REPOSITORY,
                    "a1b2c3d4-delivery",
                    head,
                    "{\"counts\": {\"created\": 1, \"updated\": 1, \"deleted\": 1, \"moved\": 0, \"unchanged\": 2,"
                            + " \"errors\": 1}, \"files\": ["
                            + "{\"path\": \"skills/pdf-tools/SKILL.md\", \"action\": \"created\", \"status\": \"ok\","
                            + " \"config_object_id\": \"" + back + "\", \"note\": \"reappeared after a deletion: a new"
                            + " object\"},"
                            + "{\"path\": \"skills/sql-helper/SKILL.md\", \"action\": \"updated\", \"status\": \"ok\","
                            + " \"config_object_id\": \"" + sql + "\"},"
                            + "{\"path\": \"skills/broken/SKILL.md\", \"action\": \"created\", \"status\":"
                            + " \"ingestion_error\", \"error\": \"/content/frontmatter/name: must match"
                            + " ^[a-z0-9]+(-[a-z0-9]+)*$\"},"
                            + "{\"path\": \"skills/old-report/SKILL.md\", \"action\": \"deleted\", \"status\": \"ok\"}"
                            + "], \"files_truncated\": false}"));
            String earlier = "4e1d2c3b5a6f7e8d9c0b1a2f3e4d5c6b7a8f9e0d";
            UUID deletion = UUID.fromString(scalar(
                    db,
                    "INSERT INTO connector_sync_event (connector_instance_id, connector_target_id, connector_type,"
                            + " remote_id, event_type, source_revision_ref, status, summary_json, attempts, started_at,"
                            + " completed_at) VALUES (?, ?, 'github', ?, 'push', ?, 'completed', '{}'::jsonb, 1,"
                            + " now() - interval '2 hours', now() - interval '2 hours') RETURNING id",
                    i,
                    t,
                    REPOSITORY,
                    earlier));
            String path = "skills/pdf-tools/SKILL.md";
            exec(
                    db,
                    "INSERT INTO connector_source_binding (config_object_id, connector_instance_id, connector_target_id,"
                            + " connector_mapping_id, connector_type, remote_id, external_locator, external_stable_ref,"
                            + " last_seen_source_revision_ref, status, created_at, deleted_at) VALUES (?, ?, ?, ?,"
                            + " 'github', ?, ?, 'blob-1', '0d9e8f7a', 'closed', now() - interval '3 hours',"
                            + " now() - interval '2 hours')",
                    UUID.fromString(deleted),
                    i,
                    t,
                    m,
                    REPOSITORY,
                    path);
            exec(
                    db,
                    "INSERT INTO connector_source_tombstone (connector_instance_id, connector_target_id,"
                            + " connector_mapping_id, connector_type, remote_id, external_locator, former_config_object_id,"
                            + " deleted_in_sync_event_id, deleted_source_revision_ref, created_at) VALUES (?, ?, ?,"
                            + " 'github', ?, ?, ?, ?, ?, now() - interval '2 hours')",
                    i,
                    t,
                    m,
                    REPOSITORY,
                    path,
                    UUID.fromString(deleted),
                    deletion,
                    earlier);
            exec(
                    db,
                    "INSERT INTO connector_source_binding (config_object_id, connector_instance_id, connector_target_id,"
                            + " connector_mapping_id, connector_type, remote_id, external_locator, external_stable_ref,"
                            + " last_seen_source_revision_ref, created_at) VALUES (?, ?, ?, ?, 'github', ?, ?,"
                            + " 'blob-2', ?, now() - interval '19 minutes')",
                    UUID.fromString(back),
                    i,
                    t,
                    m,
                    REPOSITORY,
                    path,
                    head);
            exec(
                    db,
                    "INSERT INTO connector_source_binding (config_object_id, connector_instance_id, connector_target_id,"
                            + " connector_mapping_id, connector_type, remote_id, external_locator, external_stable_ref,"
                            + " last_seen_source_revision_ref) VALUES (?, ?, ?, ?, 'github', ?,"
                            + " 'skills/sql-helper/SKILL.md', 'blob-3', ?)",
                    UUID.fromString(sql),
                    i,
                    t,
                    m,
                    REPOSITORY,
                    head);
            env.put("HELD_CONFIRM_ID", held(db, i, t, "b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6", 9));
            env.put("HELD_DISCARD_ID", held(db, i, t, "c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7", 7));
            env.put("SYNC_EVENT_ID", finished.toString());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        env.put("SOURCE_INSTANCE_ID", instance);
        env.put("SOURCE_TARGET_ID", target);
        env.put("DELETED_OBJECT_ID", deleted);
        env.put("REAPPEARED_OBJECT_ID", back);
        return env;
    }

    /** A push held by the mass-deletion guard: it would delete {@code deletions} of 12 objects. */
    private static String held(Connection db, UUID instance, UUID target, String revision, int deletions)
            throws SQLException {
        StringBuilder paths = new StringBuilder();
        for (int n = 1; n <= deletions; n++) {
            paths.append(n == 1 ? "" : ", ")
                    .append("\"skills/generated-")
                    .append(n)
                    .append("/SKILL.md\"");
        }
        return scalar(
                db,
                "INSERT INTO connector_sync_event (connector_instance_id, connector_target_id, connector_type,"
                        + " remote_id, event_type, source_revision_ref, status, summary_json, attempts, started_at)"
                        + " VALUES (?, ?, 'github', ?, 'push', ?, 'needs_confirmation', ?::jsonb, 1,"
                        + " now() - interval '5 minutes') RETURNING id",
                instance,
                target,
                REPOSITORY,
                revision,
                "{\"held_reason\": \"mass_deletion\", \"planned_deletions\": " + deletions
                        + ", \"confirmed_deletions\": " + deletions + ", \"deletions_confirmed\": false,"
                        + " \"live_objects\": 12, \"head_revision\": \"" + revision + "\", \"deleted_paths\": ["
                        + paths + "]}");
    }

    private static String skill(String name, String description) {
        return "{\"object_type\": \"skill\", \"source_mode\": \"import\", \"content\": \"---\\nname: " + name
                + "\\ndescription: " + description + "\\n---\\n# " + name + "\\n\"}";
    }

    private static String created(String token, String path, String body) {
        return as(token).body(body).post(path).then().statusCode(201).extract().path("item.id");
    }

    private static void exec(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int n = 0; n < params.length; n++) {
                st.setObject(n + 1, params[n]);
            }
            st.executeUpdate();
        }
    }

    private static String scalar(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int n = 0; n < params.length; n++) {
                st.setObject(n + 1, params[n]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
