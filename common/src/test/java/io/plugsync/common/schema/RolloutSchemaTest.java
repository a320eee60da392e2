package io.plugsync.common.schema;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugsync.common.support.FreshDatabase;
import io.plugsync.engines.OrgFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** V16: the rules the rollout tables enforce whatever the code does. */
class RolloutSchemaTest {
    static FreshDatabase database;

    @BeforeAll
    static void freshDatabase() throws SQLException {
        database = FreshDatabase.create("rollout");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aConnectorHasAtMostOneOpenRollout() throws SQLException {
        try (Connection db = database.connect()) {
            UUID connector = connectorWithVersions(db, 3);
            UUID first = rollout(db, connector, 2, 1, "completed");
            rollout(db, connector, 3, 1, "in_progress");
            assertThatThrownBy(() -> update(db, "UPDATE connector_rollout SET state = 'paused' WHERE id = ?", first))
                    .hasMessageContaining("connector_rollout_one_open");
        }
    }

    @Test
    void aVersionIsRolledOutOnceAndOnlyFromAnEarlierStableVersion() throws SQLException {
        try (Connection db = database.connect()) {
            UUID connector = connectorWithVersions(db, 3);
            assertThatThrownBy(() -> rollout(db, connector, 2, 2, "in_progress"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> rollout(db, connector, 2, 3, "in_progress"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> rollout(db, connector, 4, 3, "in_progress"))
                    .as("the candidate must be a published version")
                    .isInstanceOf(SQLException.class);
            rollout(db, connector, 2, 1, "rolled_back");
            assertThatThrownBy(() -> rollout(db, connector, 2, 1, "in_progress"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void pointerMovesAreHistory() throws SQLException {
        try (Connection db = database.connect()) {
            UUID connector = connectorWithVersions(db, 2);
            UUID rollout = rollout(db, connector, 2, 1, "in_progress");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO connector_rollout_move (rollout_id, seq,"
                    + " step_index, state, basis_points, actor) VALUES (?, 1, 0, 'in_progress', 1000, 'test')")) {
                insert.setObject(1, rollout);
                insert.executeUpdate();
            }
            assertThatThrownBy(() -> update(
                            db, "UPDATE connector_rollout_move SET basis_points = 0 WHERE rollout_id = ?", rollout))
                    .hasMessageContaining("immutable");
            assertThatThrownBy(() -> update(db, "DELETE FROM connector_rollout_move WHERE rollout_id = ?", rollout))
                    .hasMessageContaining("immutable");
        }
    }

    @Test
    void workerIdsAreIdentitiesNotFreeText() throws SQLException {
        try (Connection db = database.connect()) {
            UUID connector = connectorWithVersions(db, 1);
            worker(db, connector, "pod-7.eu:worker/1");
            assertThatThrownBy(() -> worker(db, connector, " spaces ")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> worker(db, connector, "x".repeat(201))).isInstanceOf(SQLException.class);
        }
    }

    private static UUID connectorWithVersions(Connection db, int versions) throws SQLException {
        UUID org = OrgFixtures.newOrganisation(db, "rollout");
        UUID connector = UUID.randomUUID();
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO connector (id, organization_id, name, created_by) VALUES (?, ?, ?, 'test')")) {
            insert.setObject(1, connector);
            insert.setObject(2, org);
            insert.setString(3, "c-" + connector.toString().substring(0, 8));
            insert.executeUpdate();
        }
        for (int v = 1; v <= versions; v++) {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO connector_config_versions (connector_id,"
                    + " version, document, checksum, is_active, published_by, published_by_kind, based_on_version)"
                    + " VALUES (?, ?, '{}'::jsonb, ?, ?, 'test', 'api', ?)")) {
                insert.setObject(1, connector);
                insert.setInt(2, v);
                insert.setString(3, "ab".repeat(32));
                insert.setBoolean(4, v == versions);
                insert.setInt(5, v - 1);
                insert.executeUpdate();
            }
        }
        return connector;
    }

    private static UUID rollout(Connection db, UUID connector, int candidate, int stable, String state)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO connector_rollout (id, connector_id,"
                + " organization_id, candidate_version, stable_version, strategy, plan, state, created_by,"
                + " created_by_kind) SELECT ?, c.id, c.organization_id, ?, ?, 'linear', '{}'::jsonb, ?, 'test', 'api'"
                + " FROM connector c WHERE c.id = ?")) {
            insert.setObject(1, id);
            insert.setInt(2, candidate);
            insert.setInt(3, stable);
            insert.setString(4, state);
            insert.setObject(5, connector);
            insert.executeUpdate();
        }
        return id;
    }

    private static void worker(Connection db, UUID connector, String workerId) throws SQLException {
        try (PreparedStatement insert =
                db.prepareStatement("INSERT INTO fleet_worker (connector_id, worker_id, version) VALUES (?, ?, 1)")) {
            insert.setObject(1, connector);
            insert.setString(2, workerId);
            insert.executeUpdate();
        }
    }

    private static int update(Connection db, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, id);
            return statement.executeUpdate();
        }
    }
}
