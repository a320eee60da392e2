package io.plugsync.api.connector;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for connectors. */
@ApplicationScoped
public class ConnectorRepository {
    /** A draft nobody has edited yet: the three empty sections of a V3 document. */
    static final String EMPTY_DOCUMENT = "{\"entities\": {}, \"event_flows\": {}, \"settings\": {}}";

    private static final String SELECT = "SELECT c.id, c.organization_id, c.name, c.display_name, c.kind, c.created_by,"
            + " c.created_at, c.updated_at, coalesce(v.version, 0) AS active_version,"
            + " (d.document IS DISTINCT FROM coalesce(v.document, '" + EMPTY_DOCUMENT + "'::jsonb)) AS unpublished"
            + " FROM connector c JOIN connector_config_drafts d ON d.connector_id = c.id"
            + " LEFT JOIN connector_config_versions v ON v.connector_id = c.id AND v.is_active";

    public Uni<Optional<ConnectorView>> find(SqlClient db, UUID id) {
        return db.preparedQuery(SELECT + " WHERE c.id = $1 AND c.archived_at IS NULL")
                .execute(Tuple.of(id))
                .map(rows -> first(rows).map(ConnectorRepository::view));
    }

    /** A page of the connectors of the given organisations, ordered by (name, id). */
    public Uni<List<ConnectorView>> list(
            SqlClient db, UUID[] organizations, String afterName, UUID afterId, int limit) {
        return db.preparedQuery(SELECT + " WHERE c.organization_id = ANY($1) AND c.archived_at IS NULL"
                        + " AND ($2::text IS NULL OR (c.name, c.id) > ($2, $3)) ORDER BY c.name, c.id LIMIT $4")
                .execute(Tuple.of(organizations, afterName, afterId, limit))
                .map(rows -> {
                    List<ConnectorView> out = new ArrayList<>();
                    rows.forEach(row -> out.add(view(row)));
                    return out;
                });
    }

    public Uni<Boolean> nameTaken(SqlClient db, UUID organizationId, String name) {
        return db.preparedQuery("SELECT 1 FROM connector WHERE organization_id = $1 AND name = $2")
                .execute(Tuple.of(organizationId, name))
                .map(rows -> rows.size() > 0);
    }

    /** Inserts the connector and its empty draft; returns the new id. */
    public Uni<UUID> insert(
            SqlClient db, CreateConnectorRequest request, UUID organizationId, String actor, String writerKind) {
        return db.preparedQuery("INSERT INTO connector (organization_id, name, display_name, kind, created_by)"
                        + " VALUES ($1, $2, $3, $4, $5) RETURNING id")
                .execute(Tuple.of(
                        organizationId,
                        request.name(),
                        request.displayName(),
                        request.kind() == null ? "custom" : request.kind(),
                        actor))
                .map(rows -> rows.iterator().next().getUUID("id"))
                .call(id -> db.preparedQuery(
                                "INSERT INTO connector_config_drafts"
                                        + " (connector_id, document, updated_by, updated_by_kind) VALUES ($1, $2::jsonb, $3, $4)")
                        .execute(Tuple.of(id, new JsonObject(EMPTY_DOCUMENT), actor, writerKind)));
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    static ConnectorView view(Row row) {
        return new ConnectorView(
                row.getUUID("id"),
                row.getUUID("organization_id"),
                row.getString("name"),
                row.getString("display_name"),
                row.getString("kind"),
                row.getString("created_by"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"),
                row.getInteger("active_version"),
                row.getBoolean("unpublished"));
    }
}
