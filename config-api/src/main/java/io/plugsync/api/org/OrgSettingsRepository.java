package io.plugsync.api.org;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** SQL for the settings columns of {@code organization}. */
@ApplicationScoped
public class OrgSettingsRepository {
    private static final String COLUMNS = "id, agent_publish, updated_at";

    public Uni<Optional<OrgSettings>> find(SqlClient db, UUID organizationId) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM organization WHERE id = $1")
                .execute(Tuple.of(organizationId))
                .map(OrgSettingsRepository::first);
    }

    public Uni<Optional<OrgSettings>> updateAgentPublish(SqlClient db, UUID organizationId, AgentPublish policy) {
        return db.preparedQuery("UPDATE organization SET agent_publish = $2, updated_at = now() WHERE id = $1"
                        + " RETURNING " + COLUMNS)
                .execute(Tuple.of(organizationId, policy.wire()))
                .map(OrgSettingsRepository::first);
    }

    private static Optional<OrgSettings> first(RowSet<Row> rows) {
        var it = rows.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Row row = it.next();
        return Optional.of(new OrgSettings(
                row.getUUID("id"), row.getString("agent_publish"), row.getOffsetDateTime("updated_at")));
    }
}
