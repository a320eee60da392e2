package io.plugsync.ingest.support;

import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A GitHub connector set up the way config-api's admin API leaves it: organisation, account bound to
 * an installation, instance, repository/branch target and path mappings. Written with SQL.
 */
public final class IngestFixtures {
    private static final AtomicLong INSTALLATIONS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private IngestFixtures() {}

    public record Connector(
            UUID orgId, UUID accountId, UUID instanceId, UUID targetId, String installationId, FakeRepo repo) {}

    public static String newInstallationId() {
        return Long.toString(INSTALLATIONS.incrementAndGet());
    }

    /** A connector syncing {@code repo}'s main branch, its installation's token endpoint stubbed. */
    public static Connector connector(FakeRepo repo) {
        String installation = newInstallationId();
        FakeRepo.stubInstallation(installation);
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID org = OrgFixtures.newOrganisation(db, "ingest");
            UUID account = insert(
                    db,
                    "INSERT INTO connector_account (organization_id, connector_type, remote_id, display_name)"
                            + " VALUES (?, 'github', ?, 'acme') RETURNING id",
                    org,
                    installation);
            UUID instance = insert(
                    db,
                    "INSERT INTO connector_instance (organization_id, connector_account_id, connector_type, name)"
                            + " VALUES (?, ?, 'github', 'library') RETURNING id",
                    org,
                    account);
            UUID target = insert(
                    db,
                    "INSERT INTO connector_target (connector_instance_id, connector_type, remote_id,"
                            + " external_target_ref) VALUES (?, 'github', ?, 'main') RETURNING id",
                    instance,
                    repo.fullName());
            return new Connector(org, account, instance, target, installation, repo);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh organisation, with nothing in it. */
    public static UUID organisation() {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            return OrgFixtures.newOrganisation(db, "ingest");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The membership id of {@code subject} in the organisation, with {@code role}. */
    public static UUID member(UUID orgId, String subject, String role) {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            return OrgFixtures.ensureMember(db, orgId, subject, role);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path mapping of the connector's target; with a plugin when {@code autoAddToPlugin}. */
    public static UUID mapping(Connector c, String selector, String objectType, UUID pluginId) {
        return mapping(c, selector, objectType, pluginId, null);
    }

    /** As {@link #mapping(Connector, String, String, UUID)}, configured by the member {@code createdBy}. */
    public static UUID mapping(Connector c, String selector, String objectType, UUID pluginId, UUID createdBy) {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            return insert(
                    db,
                    "INSERT INTO connector_mapping (connector_instance_id, connector_target_id, connector_type,"
                            + " selector, object_type, plugin_id, auto_add_to_plugin, created_by_org_membership_id)"
                            + " VALUES (?, ?, 'github', ?, ?, ?, ?, ?) RETURNING id",
                    c.instanceId(),
                    c.targetId(),
                    selector,
                    objectType,
                    pluginId,
                    pluginId != null,
                    createdBy);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static UUID plugin(Connector c, String name) {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            return insert(db, "INSERT INTO plugin (organization_id, name) VALUES (?, ?) RETURNING id", c.orgId(), name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single long/int/string value. */
    public static Object scalar(String sql, Object... params) {
        List<List<Object>> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    public static long count(String sql, Object... params) {
        return ((Number) scalar(sql, params)).longValue();
    }

    public static List<List<Object>> rows(String sql, Object... params) {
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<List<Object>> out = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql, Object... params) {
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID insert(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }
}
