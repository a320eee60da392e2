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

/** SQL for connector targets (always within one instance). */
@ApplicationScoped
public class TargetRepository {

    public Uni<Optional<TargetView>> find(SqlClient db, UUID instanceId, UUID id) {
        return db.preparedQuery("SELECT * FROM connector_target WHERE connector_instance_id = $1 AND id = $2")
                .execute(Sql.tuple(instanceId, id))
                .map(rows -> Sql.first(rows, TargetView::from));
    }

    public Uni<List<TargetView>> list(SqlClient db, UUID instanceId, Paging paging) {
        return db.preparedQuery("SELECT * FROM connector_target t WHERE t.connector_instance_id = $1 AND "
                        + Paging.after("t", 2, 3) + " ORDER BY t.created_at DESC, t.id DESC LIMIT $4")
                .execute(Sql.tuple(instanceId, paging.afterCreatedAt(), paging.afterId(), paging.fetch()))
                .map(rows -> Sql.all(rows, TargetView::from));
    }

    public Uni<TargetView> insert(SqlClient db, InstanceView instance, TargetRequest request) {
        return db.preparedQuery("INSERT INTO connector_target (connector_instance_id, connector_type, remote_id,"
                        + " target_kind, external_target_ref, target_config_json) VALUES ($1, $2, $3, $4, $5, $6)"
                        + " RETURNING *")
                .execute(Sql.tuple(
                        instance.id(),
                        instance.connectorType(),
                        request.remoteId(),
                        request.targetKind() == null ? "repository_branch" : request.targetKind(),
                        request.externalTargetRef(),
                        Json.param(request.targetConfig())))
                .map(rows -> TargetView.from(rows.iterator().next()));
    }
}
