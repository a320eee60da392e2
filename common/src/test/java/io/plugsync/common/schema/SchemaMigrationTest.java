package io.plugsync.common.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.engines.PostgresEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Flyway migrations of {@code common} against a real PostgreSQL: tables and the rules they enforce. */
class SchemaMigrationTest {
    static final List<String> SEED_TABLES = List.of(
            "connector",
            "connector_config_drafts",
            "connector_config_versions",
            "event_flow_manifests",
            "outbox_event",
            "connector_config_draft_changes",
            "config_object",
            "config_object_version",
            "plugin",
            "plugin_config_object",
            "plugin_access_grant",
            "config_object_access_grant",
            "connector_instance_access_grant",
            "connector_account",
            "connector_instance",
            "connector_target",
            "connector_mapping",
            "connector_sync_event",
            "connector_source_binding",
            "connector_source_tombstone",
            "plugin_release",
            "plugin_release_item",
            "organization",
            "org_membership",
            "team",
            "team_membership");

    static String url;

    @BeforeAll
    static void freshDatabase() throws SQLException {
        String name = "schema_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = PlugSyncTestEngines.jdbc();
                Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        url = "jdbc:postgresql://127.0.0.1:"
                + PlugSyncTestEngines.engines().postgres().port() + "/" + name;
        assertThat(flyway().migrate().migrationsExecuted).isGreaterThan(0);
    }

    static Flyway flyway() {
        return Flyway.configure()
                .dataSource(url, PostgresEngine.USER, PostgresEngine.PASSWORD)
                .locations("classpath:db/migration")
                .load();
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(url, PostgresEngine.USER, PostgresEngine.PASSWORD);
    }

    @Test
    void everyTableOfBothSeedDocumentsExists() throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Connection db = db();
                ResultSet rs = db.createStatement()
                        .executeQuery(
                                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(tables).containsAll(SEED_TABLES);
    }

    @Test
    void migratingTwiceIsANoOp() {
        assertThat(flyway().migrate().migrationsExecuted).isZero();
        assertThat(flyway().validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void aSecondActiveVersionOfAConnectorIsRejected() throws SQLException {
        try (Connection db = db()) {
            UUID connector = connector(db);
            insertVersion(db, connector, 1, true);
            assertThatThrownBy(() -> insertVersion(db, connector, 2, true))
                    .hasMessageContaining("connector_config_versions_one_active");
            insertVersion(db, connector, 2, false);
        }
    }

    @Test
    void versionNumbersAreUniquePerConnector() throws SQLException {
        try (Connection db = db()) {
            UUID connector = connector(db);
            insertVersion(db, connector, 1, false);
            assertThatThrownBy(() -> insertVersion(db, connector, 1, false)).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aPublishedVersionCannotBeChangedOrDeletedButItsActiveFlagCanMove() throws SQLException {
        try (Connection db = db()) {
            UUID connector = connector(db);
            insertVersion(db, connector, 1, true);
            assertThatThrownBy(() -> update(
                            db,
                            "UPDATE connector_config_versions SET document = '{\"x\": 1}' WHERE connector_id = ?",
                            connector))
                    .hasMessageContaining("immutable");
            assertThatThrownBy(() -> update(
                            db, "UPDATE connector_config_versions SET message = 'x' WHERE connector_id = ?", connector))
                    .hasMessageContaining("immutable");
            assertThatThrownBy(
                            () -> update(db, "DELETE FROM connector_config_versions WHERE connector_id = ?", connector))
                    .hasMessageContaining("immutable");
            assertThat(update(
                            db,
                            "UPDATE connector_config_versions SET is_active = false WHERE connector_id = ?",
                            connector))
                    .isEqualTo(1);
        }
    }

    @Test
    void configObjectVersionsAreImmutableAndIndexedForLatestLookup() throws SQLException {
        try (Connection db = db()) {
            UUID org = OrgFixtures.newOrganisation(db, "schema");
            UUID object = UUID.randomUUID();
            update(
                    db,
                    "INSERT INTO config_object (id, organization_id, object_type, source_mode, title) VALUES (?, ?, 'skill', 'cloud', 't')",
                    object,
                    org);
            update(
                    db,
                    "INSERT INTO config_object_version (config_object_id, normalized_payload_json, encryption_key_id, created_via)"
                            + " VALUES (?, '\\x00'::bytea, 'k', 'cloud')",
                    object);
            assertThatThrownBy(() -> update(
                            db,
                            "UPDATE config_object_version SET is_deleted_version = true WHERE config_object_id = ?",
                            object))
                    .hasMessageContaining("immutable");
            assertThatThrownBy(() -> update(db, "DELETE FROM config_object_version WHERE config_object_id = ?", object))
                    .hasMessageContaining("immutable");
            try (ResultSet rs = db.createStatement()
                    .executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = 'config_object_version_latest'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("(config_object_id, created_at DESC, id DESC)");
            }
        }
    }

    @Test
    void aPluginHoldsOneActiveMembershipPerObject() throws SQLException {
        try (Connection db = db()) {
            UUID org = OrgFixtures.newOrganisation(db, "members");
            UUID object = UUID.randomUUID();
            UUID plugin = UUID.randomUUID();
            update(
                    db,
                    "INSERT INTO config_object (id, organization_id, object_type, source_mode, title) VALUES (?, ?, 'skill', 'cloud', 't')",
                    object,
                    org);
            update(db, "INSERT INTO plugin (id, organization_id, name) VALUES (?, ?, 'p')", plugin, org);
            update(
                    db,
                    "INSERT INTO plugin_config_object (plugin_id, config_object_id, membership_source) VALUES (?, ?, 'manual')",
                    plugin,
                    object);
            assertThatThrownBy(() -> update(
                            db,
                            "INSERT INTO plugin_config_object (plugin_id, config_object_id, membership_source) VALUES (?, ?, 'manual')",
                            plugin,
                            object))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aGrantNamesExactlyOnePrincipal() throws SQLException {
        try (Connection db = db()) {
            UUID org = OrgFixtures.newOrganisation(db, "grants");
            UUID plugin = UUID.randomUUID();
            UUID member = OrgFixtures.ensureMember(db, org, "someone", "editor");
            update(db, "INSERT INTO plugin (id, organization_id, name) VALUES (?, ?, 'p')", plugin, org);
            assertThatThrownBy(() -> update(
                            db,
                            "INSERT INTO plugin_access_grant (plugin_id, org_membership_id, org_wide, role) VALUES (?, ?, true, 'viewer')",
                            plugin,
                            member))
                    .isInstanceOf(SQLException.class);
            assertThat(update(
                            db,
                            "INSERT INTO plugin_access_grant (plugin_id, org_wide, role) VALUES (?, true, 'viewer')",
                            plugin))
                    .isEqualTo(1);
        }
    }

    @Test
    void createdAtIsGeneratedByTheDatabase() throws SQLException {
        try (Connection db = db()) {
            UUID connector = connector(db);
            try (PreparedStatement st =
                    db.prepareStatement("SELECT created_at IS NOT NULL FROM connector WHERE id = ?")) {
                st.setObject(1, connector);
                try (ResultSet rs = st.executeQuery()) {
                    assertThat(rs.next() && rs.getBoolean(1)).isTrue();
                }
            }
        }
    }

    private static UUID connector(Connection db) throws SQLException {
        UUID org = OrgFixtures.newOrganisation(db, "schema");
        UUID id = UUID.randomUUID();
        update(
                db,
                "INSERT INTO connector (id, organization_id, name, created_by) VALUES (?, ?, ?, 'test')",
                id,
                org,
                "c-" + id.toString().substring(0, 8));
        return id;
    }

    private static void insertVersion(Connection db, UUID connector, int version, boolean active) throws SQLException {
        update(
                db,
                "INSERT INTO connector_config_versions (connector_id, version, document, checksum, is_active,"
                        + " published_by, published_by_kind, based_on_version) VALUES (?, ?, '{}'::jsonb, ?, ?, 'test', 'api', 0)",
                connector,
                version,
                "0".repeat(64),
                active);
    }

    private static int update(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            return st.executeUpdate();
        }
    }
}
