package io.plugsync.api.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * EXPLAIN of a repository's SQL exactly as the service sends it: {@code PREPARE} of the same text,
 * then {@code EXPLAIN EXECUTE} with the parameter values, either with the plan PostgreSQL makes for
 * those values (what the Vert.x client's unnamed statements get) or the generic plan (what a cached
 * prepared statement may settle on).
 */
public final class QueryPlans {
    private QueryPlans() {}

    public static String explain(Connection db, String sql, boolean generic, Object... params) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("SET plan_cache_mode = " + (generic ? "force_generic_plan" : "force_custom_plan"));
            st.execute("PREPARE plan_probe AS " + sql);
            try {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("EXPLAIN EXECUTE plan_probe" + arguments(params))) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                return String.join("\n", lines);
            } finally {
                st.execute("DEALLOCATE plan_probe");
                st.execute("RESET plan_cache_mode");
            }
        }
    }

    /**
     * The plan the SQL ran with, with the rows each node actually produced and removed ({@code
     * EXPLAIN (ANALYZE)} without times: the counts are deterministic, so a test can bound them).
     */
    public static String explainAnalyze(Connection db, String sql, Object... params) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("PREPARE analyze_probe AS " + sql);
            try {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)"
                        + " EXECUTE analyze_probe" + arguments(params))) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                return String.join("\n", lines);
            } finally {
                st.execute("DEALLOCATE analyze_probe");
            }
        }
    }

    /** The {@code id} column of the rows of a repository's SQL run with {@code params} (custom plan). */
    public static List<UUID> ids(Connection db, String sql, Object... params) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("PREPARE ids_probe AS " + sql);
            try {
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("EXECUTE ids_probe" + arguments(params))) {
                    while (rs.next()) {
                        ids.add(rs.getObject("id", UUID.class));
                    }
                }
                return ids;
            } finally {
                st.execute("DEALLOCATE ids_probe");
            }
        }
    }

    private static String arguments(Object... params) {
        return params.length == 0
                ? ""
                : "(" + Arrays.stream(params).map(QueryPlans::literal).collect(Collectors.joining(", ")) + ")";
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    /** Inserts {@code count} more versions of {@code connector} (copies of its version 1). */
    public static void seedVersions(Connection db, UUID connector, int count) throws SQLException {
        try (var insert = db.prepareStatement("INSERT INTO connector_config_versions (connector_id, version, document,"
                + " checksum, published_by, published_by_kind, message, based_on_version, published_at)"
                + " SELECT v.connector_id, v.version + g, v.document, v.checksum, v.published_by, v.published_by_kind,"
                + " 'bulk ' || g, v.version + g - 1, v.published_at + g * interval '1 second'"
                + " FROM connector_config_versions v, generate_series(1, ?) g"
                + " WHERE v.connector_id = ? AND v.version = 1")) {
            insert.setInt(1, count);
            insert.setObject(2, connector);
            insert.executeUpdate();
        }
        try (Statement st = db.createStatement()) {
            st.execute("ANALYZE connector_config_versions");
        }
    }

    /**
     * Inserts {@code count} objects into {@code org}, one in seven of each type, one in 20 created
     * by {@code creator} (the rest by {@code other}), search words {@code wordN} with N = i % 1000.
     */
    public static void seedObjects(Connection db, UUID org, UUID creator, UUID other, int count) throws SQLException {
        try (var insert = db.prepareStatement("INSERT INTO config_object (organization_id, object_type, source_mode,"
                + " title, description, search_text, slug, status, created_by_org_membership_id, created_at, updated_at)"
                + " SELECT ?, (ARRAY['skill','mcp','command','agent','hook','context','custom'])[1 + g % 7], 'cloud',"
                + " 'object ' || g, 'generated object ' || md5(g::text), 'word' || (g % 1000) || ' common text',"
                + " 'object-' || g, CASE WHEN g % 50 = 0 THEN 'archived' ELSE 'active' END,"
                + " CASE WHEN g % 20 = 0 THEN ?::uuid ELSE ?::uuid END,"
                + " now() - g * interval '1 second', now() FROM generate_series(1, ?) g")) {
            insert.setObject(1, org);
            insert.setObject(2, creator);
            insert.setObject(3, other);
            insert.setInt(4, count);
            insert.executeUpdate();
        }
        try (Statement st = db.createStatement()) {
            st.execute("ANALYZE config_object");
        }
    }

    public static UUID membership(Connection db, UUID org, String subject) throws SQLException {
        try (var q = db.prepareStatement("SELECT id FROM org_membership WHERE organization_id = ? AND subject = ?")) {
            q.setObject(1, org);
            q.setString(2, subject);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }
}
