package io.plugsync.api.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.sql.Rows;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code connector_rollout_default}: an organisation's default and each connector's own. */
@ApplicationScoped
public class RolloutDefaultsRepository {

    /** The organisation's default (connector null) or the connector's. */
    public Uni<Optional<JsonNode>> find(SqlClient db, UUID organizationId, UUID connectorId) {
        return db.preparedQuery("SELECT rollout::text AS rollout FROM connector_rollout_default"
                        + " WHERE organization_id = $1 AND connector_id IS NOT DISTINCT FROM $2")
                .execute(Tuple.of(organizationId, connectorId))
                .map(rows -> Rows.first(rows, r -> V3Document.parse(r.getString("rollout"))));
    }

    public Uni<Void> put(SqlClient db, UUID organizationId, UUID connectorId, JsonNode rollout, String by) {
        String conflict = connectorId == null
                ? "(organization_id) WHERE connector_id IS NULL"
                : "(connector_id) WHERE connector_id IS NOT NULL";
        return db.preparedQuery("INSERT INTO connector_rollout_default (organization_id, connector_id, rollout,"
                        + " updated_by) VALUES ($1, $2, $3::text::jsonb, $4) ON CONFLICT " + conflict
                        + " DO UPDATE SET rollout = EXCLUDED.rollout, updated_by = EXCLUDED.updated_by,"
                        + " updated_at = now()")
                .execute(Tuple.of(organizationId, connectorId, rollout.toString(), by))
                .replaceWithVoid();
    }

    /** True when there was one. */
    public Uni<Boolean> delete(SqlClient db, UUID organizationId, UUID connectorId) {
        return db.preparedQuery("DELETE FROM connector_rollout_default WHERE organization_id = $1"
                        + " AND connector_id IS NOT DISTINCT FROM $2")
                .execute(Tuple.of(organizationId, connectorId))
                .map(rows -> rows.rowCount() > 0);
    }
}
