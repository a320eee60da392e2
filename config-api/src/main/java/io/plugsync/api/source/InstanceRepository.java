package io.plugsync.api.library.connectoradmin;

import io.plugsync.api.library.support.Json;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for connector instances, with the member's access rank. */
@ApplicationScoped
public class InstanceRepository {
    static final String SELECT =
            "SELECT i.*, library_instance_rank(i.id, $2::uuid) AS access_rank FROM connector_instance i";

    public record Ranked(InstanceView instance, int rank) {}

    public Uni<Optional<Ranked>> find(SqlClient db, UUID org, UUID member, UUID id) {
        return db.preparedQuery(SELECT + " WHERE i.organization_id = $1 AND i.id = $3")
                .execute(Sql.tuple(org, member, id))
                .map(rows -> Sql.first(rows, InstanceRepository::ranked));
    }

    public Uni<List<Ranked>> list(SqlClient db, UUID org, UUID member, boolean admin, Paging paging) {
        return db.preparedQuery(SELECT + " WHERE i.organization_id = $1"
                        + " AND ($3 OR library_instance_rank(i.id, $2::uuid) > 0) AND " + Paging.after("i", 4, 5)
                        + " ORDER BY i.created_at DESC, i.id DESC LIMIT $6")
                .execute(Sql.tuple(org, member, admin, paging.afterCreatedAt(), paging.afterId(), paging.fetch()))
                .map(rows -> Sql.all(rows, InstanceRepository::ranked));
    }

    /** Inserts the instance for an active account of the organisation; empty when there is none. */
    public Uni<Optional<UUID>> insert(SqlClient db, UUID org, InstanceRequests.Create request, UUID member) {
        return db.preparedQuery("INSERT INTO connector_instance (organization_id, connector_account_id, connector_type,"
                        + " remote_id, name, instance_config_json, created_by_org_membership_id)"
                        + " SELECT a.organization_id, a.id, a.connector_type, $3, $4, $5, $6 FROM connector_account a"
                        + " WHERE a.organization_id = $1 AND a.id = $2 AND a.status = 'active' RETURNING id")
                .execute(Sql.tuple(
                        org,
                        request.connectorAccountId(),
                        request.remoteId(),
                        request.name().strip(),
                        Json.param(request.instanceConfig()),
                        member))
                .map(rows -> Sql.first(rows, row -> row.getUUID("id")));
    }

    public Uni<Void> update(SqlClient db, UUID id, InstanceRequests.Update change) {
        return db.preparedQuery(
                        "UPDATE connector_instance SET name = coalesce($2, name), status = coalesce($3, status),"
                                + " updated_at = now() WHERE id = $1")
                .execute(Sql.tuple(id, change.name(), change.status()))
                .replaceWithVoid();
    }

    static Ranked ranked(Row row) {
        return new Ranked(InstanceView.from(row), row.getInteger("access_rank"));
    }
}
