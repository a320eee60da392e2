package io.plugsync.api.library.connectoradmin;

import io.plugsync.api.library.support.Json;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for connector mappings (always within one instance). */
@ApplicationScoped
public class MappingRepository {

    public Uni<Optional<MappingView>> find(SqlClient db, UUID instanceId, UUID id) {
        return db.preparedQuery("SELECT * FROM connector_mapping WHERE connector_instance_id = $1 AND id = $2")
                .execute(Sql.tuple(instanceId, id))
                .map(rows -> Sql.first(rows, MappingView::from));
    }

    public Uni<List<MappingView>> list(SqlClient db, UUID instanceId, Paging paging) {
        return db.preparedQuery("SELECT * FROM connector_mapping m WHERE m.connector_instance_id = $1 AND "
                        + Paging.after("m", 2, 3) + " ORDER BY m.created_at DESC, m.id DESC LIMIT $4")
                .execute(Sql.tuple(instanceId, paging.afterCreatedAt(), paging.afterId(), paging.fetch()))
                .map(rows -> Sql.all(rows, MappingView::from));
    }

    public Uni<MappingView> insert(SqlClient db, InstanceView instance, TargetView target, MappingRequest request) {
        return db.preparedQuery("INSERT INTO connector_mapping (connector_instance_id, connector_target_id,"
                        + " connector_type, remote_id, mapping_kind, selector, object_type, plugin_id, auto_add_to_plugin,"
                        + " mapping_config_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *")
                .execute(Sql.tuple(
                        instance.id(),
                        target.id(),
                        instance.connectorType(),
                        target.remoteId(),
                        request.mappingKind() == null ? "path" : request.mappingKind(),
                        request.selector(),
                        request.objectType(),
                        request.pluginId(),
                        Boolean.TRUE.equals(request.autoAddToPlugin()),
                        Json.param(request.mappingConfig())))
                .map(rows -> MappingView.from(rows.iterator().next()));
    }

    public Uni<Void> delete(SqlClient db, UUID id) {
        return db.preparedQuery("DELETE FROM connector_mapping WHERE id = $1")
                .execute(Sql.tuple(id))
                .replaceWithVoid();
    }
}
