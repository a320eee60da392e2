package io.plugsync.common.source;

import io.plugsync.common.sql.Keyset;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of {@code connector_mapping}: the admin API's reads and edits, and a target's path mappings for a sync. */
public final class SourceMappings {
    private SourceMappings() {}

    public static Uni<Optional<SourceMapping>> find(SqlClient db, UUID instanceId, UUID id) {
        return db.preparedQuery("SELECT * FROM connector_mapping WHERE connector_instance_id = $1 AND id = $2")
                .execute(Tuple.of(instanceId, id))
                .map(rows -> Rows.first(rows, SourceMapping::from));
    }

    /** A page of the instance's mappings, newest first. */
    public static Uni<List<SourceMapping>> list(SqlClient db, UUID instanceId, Keyset page) {
        return db.preparedQuery("SELECT * FROM connector_mapping m WHERE m.connector_instance_id = $1 AND "
                        + Keyset.after("m", "created_at", 2, 3) + " ORDER BY m.created_at DESC, m.id DESC LIMIT $4")
                .execute(Tuple.of(instanceId, page.afterCreatedAt(), page.afterId(), page.limit()))
                .map(rows -> Rows.all(rows, SourceMapping::from));
    }

    /** Inserts a mapping of the target ({@code mappingKind} null: {@link SourceKinds#PATH}). */
    public static Uni<SourceMapping> create(
            SqlClient db,
            SourceTarget target,
            String mappingKind,
            String selector,
            String objectType,
            UUID pluginId,
            boolean autoAddToPlugin,
            JsonObject mappingConfig) {
        return db.preparedQuery("INSERT INTO connector_mapping (connector_instance_id, connector_target_id,"
                        + " connector_type, remote_id, mapping_kind, selector, object_type, plugin_id, auto_add_to_plugin,"
                        + " mapping_config_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *")
                .execute(Tuple.from(new Object[] {
                    target.connectorInstanceId(),
                    target.id(),
                    target.connectorType(),
                    target.remoteId(),
                    mappingKind == null ? SourceKinds.PATH : mappingKind,
                    selector,
                    objectType,
                    pluginId,
                    autoAddToPlugin,
                    mappingConfig
                }))
                .map(rows -> Rows.one(rows, SourceMapping::from));
    }

    /** Deletes a mapping; fails with a foreign-key violation (23503) while synced objects are bound to it. */
    public static Uni<Void> delete(SqlClient db, UUID id) {
        return db.preparedQuery("DELETE FROM connector_mapping WHERE id = $1")
                .execute(Tuple.of(id))
                .replaceWithVoid();
    }

    /** The target's path mappings in the order they were made (earlier mappings win a path). */
    public static Uni<List<SourceMapping>> pathMappingsOf(SqlClient db, UUID targetId) {
        return db.preparedQuery("SELECT * FROM connector_mapping WHERE connector_target_id = $1 AND mapping_kind = $2"
                        + " ORDER BY created_at, id")
                .execute(Tuple.of(targetId, SourceKinds.PATH))
                .map(rows -> Rows.all(rows, SourceMapping::from));
    }
}
