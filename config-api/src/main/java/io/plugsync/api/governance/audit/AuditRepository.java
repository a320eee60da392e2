package io.plugsync.api.governance.audit;

import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the audited actions of the draft journal ({@code connector_config_draft_changes}). */
@ApplicationScoped
public class AuditRepository {

    /** Entries of {@code actions} older than {@code beforeId} (all when null), newest first. */
    public Uni<List<AuditEntry>> page(SqlClient db, UUID connectorId, List<String> actions, Long beforeId, int limit) {
        return db.preparedQuery("SELECT id, action, actor, writer_kind, revision, detail::text AS detail, created_at"
                        + " FROM connector_config_draft_changes WHERE connector_id = $1 AND action = ANY($2)"
                        + " AND ($3::bigint IS NULL OR id < $3) ORDER BY id DESC LIMIT $4")
                .execute(Tuple.of(connectorId, actions.toArray(String[]::new), beforeId, limit))
                .map(rows -> {
                    List<AuditEntry> out = new ArrayList<>();
                    rows.forEach(row -> {
                        String detail = row.getString("detail");
                        out.add(new AuditEntry(
                                row.getLong("id"),
                                row.getString("action"),
                                row.getString("actor"),
                                row.getString("writer_kind"),
                                row.getLong("revision"),
                                detail == null ? null : V3Document.parse(detail),
                                row.getOffsetDateTime("created_at")));
                    });
                    return out;
                });
    }
}
