package io.plugsync.common.source;

import io.plugsync.common.sql.Keyset;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of {@code connector_mapping}: the admin API's reads, edits and retirement, and a target's
 * active path mappings for a sync.
 */
public final class SourceMappings {
    private static final String ACTIVE = SourceStatus.Mapping.ACTIVE.wire();

    private SourceMappings() {}

    /** The field values of a mapping an admin sets (create, and the full state after a change). */
    public record Fields(
            String selector, String objectType, UUID pluginId, boolean autoAddToPlugin, JsonObject mappingConfig) {}

    public static Uni<Optional<SourceMapping>> find(SqlClient db, UUID instanceId, UUID id) {
        return db.preparedQuery("SELECT * FROM connector_mapping WHERE connector_instance_id = $1 AND id = $2")
                .execute(Tuple.of(instanceId, id))
                .map(rows -> Rows.first(rows, SourceMapping::from));
    }

    /** The mapping if its instance is in the organisation. */
    public static Uni<Optional<SourceMapping>> findInOrganization(SqlClient db, UUID org, UUID id) {
        return db.preparedQuery("SELECT m.* FROM connector_mapping m"
                        + " JOIN connector_instance i ON i.id = m.connector_instance_id"
                        + " WHERE i.organization_id = $1 AND m.id = $2")
                .execute(Tuple.of(org, id))
                .map(rows -> Rows.first(rows, SourceMapping::from));
    }

    /**
     * A page of the instance's mappings with {@code status}, newest first; of one target when
     * {@code targetId} is given.
     */
    public static Uni<List<SourceMapping>> list(
            SqlClient db, UUID instanceId, UUID targetId, SourceStatus.Mapping status, Keyset page) {
        return db.preparedQuery("SELECT * FROM connector_mapping m WHERE m.connector_instance_id = $1"
                        + " AND ($2::uuid IS NULL OR m.connector_target_id = $2) AND m.status = $3 AND "
                        + Keyset.after("m", "created_at", 4, 5) + " ORDER BY m.created_at DESC, m.id DESC LIMIT $6")
                .execute(Tuple.from(Arrays.asList(
                        instanceId, targetId, status.wire(), page.afterCreatedAt(), page.afterId(), page.limit())))
                .map(rows -> Rows.all(rows, SourceMapping::from));
    }

    /**
     * Inserts a mapping of the target ({@code mappingKind} null: {@link SourceKinds#PATH}) created by
     * the member {@code createdBy}.
     */
    public static Uni<SourceMapping> create(
            SqlClient db, SourceTarget target, String mappingKind, Fields fields, UUID createdBy) {
        return db.preparedQuery("INSERT INTO connector_mapping (connector_instance_id, connector_target_id,"
                        + " connector_type, remote_id, mapping_kind, selector, object_type, plugin_id, auto_add_to_plugin,"
                        + " mapping_config_json, created_by_org_membership_id)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *")
                .execute(Tuple.from(new Object[] {
                    target.connectorInstanceId(),
                    target.id(),
                    target.connectorType(),
                    target.remoteId(),
                    mappingKind == null ? SourceKinds.PATH : mappingKind,
                    fields.selector(),
                    fields.objectType(),
                    fields.pluginId(),
                    fields.autoAddToPlugin(),
                    fields.mappingConfig(),
                    createdBy
                }))
                .map(rows -> Rows.one(rows, SourceMapping::from));
    }

    /** Sets every admin field of an active mapping; empty when it is retired (or gone). */
    public static Uni<Optional<SourceMapping>> update(SqlClient db, UUID id, Fields fields) {
        return db.preparedQuery("UPDATE connector_mapping SET selector = $2, object_type = $3, plugin_id = $4,"
                        + " auto_add_to_plugin = $5, mapping_config_json = $6, updated_at = now()"
                        + " WHERE id = $1 AND status = $7 RETURNING *")
                .execute(Tuple.from(new Object[] {
                    id,
                    fields.selector(),
                    fields.objectType(),
                    fields.pluginId(),
                    fields.autoAddToPlugin(),
                    fields.mappingConfig(),
                    ACTIVE
                }))
                .map(rows -> Rows.first(rows, SourceMapping::from));
    }

    /**
     * Whether synced state points to the mapping (bindings, tombstones or plugin memberships it
     * made): such a mapping can only be retired, never deleted.
     */
    public static Uni<Boolean> hasSynced(SqlClient db, UUID id) {
        return db.preparedQuery("SELECT EXISTS (SELECT 1 FROM connector_source_binding WHERE connector_mapping_id = $1)"
                        + " OR EXISTS (SELECT 1 FROM connector_source_tombstone WHERE connector_mapping_id = $1)"
                        + " OR EXISTS (SELECT 1 FROM plugin_config_object WHERE connector_mapping_id = $1)")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Retires a mapping (kept for provenance, ignored by the sync); a retired one stays as it was. */
    public static Uni<SourceMapping> retire(SqlClient db, UUID id) {
        return db.preparedQuery("UPDATE connector_mapping SET status = $2,"
                        + " retired_at = coalesce(retired_at, now()), updated_at = CASE WHEN status = $2"
                        + " THEN updated_at ELSE now() END WHERE id = $1 RETURNING *")
                .execute(Tuple.of(id, SourceStatus.Mapping.RETIRED.wire()))
                .map(rows -> Rows.one(rows, SourceMapping::from));
    }

    /** Deletes a mapping; fails with a foreign-key violation (23503) while synced state points to it. */
    public static Uni<Void> delete(SqlClient db, UUID id) {
        return db.preparedQuery("DELETE FROM connector_mapping WHERE id = $1")
                .execute(Tuple.of(id))
                .replaceWithVoid();
    }

    /**
     * A path mapping as the sync applies it: the row and the member its objects are attributed to,
     * its creator, else its instance's creator (rbac.md locked decisions 4 and 7).
     */
    public record SyncRule(SourceMapping mapping, UUID attributedTo) {}

    /**
     * Every path mapping of a target in the order they were made (earlier mappings win a path),
     * retired ones included: the sync plans the deletion of what only they selected.
     */
    public static Uni<List<SyncRule>> syncRulesOf(SqlClient db, UUID targetId) {
        return db.preparedQuery("SELECT m.*, coalesce(m.created_by_org_membership_id, i.created_by_org_membership_id)"
                        + " AS attributed_to FROM connector_mapping m"
                        + " JOIN connector_instance i ON i.id = m.connector_instance_id"
                        + " WHERE m.connector_target_id = $1 AND m.mapping_kind = $2 ORDER BY m.created_at, m.id")
                .execute(Tuple.of(targetId, SourceKinds.PATH))
                .map(rows -> Rows.all(rows, r -> new SyncRule(SourceMapping.from(r), r.getUUID("attributed_to"))));
    }
}
