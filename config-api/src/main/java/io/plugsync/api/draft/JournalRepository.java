package io.plugsync.api.draft;

import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL for the draft change journal {@code connector_config_draft_changes} (append-only). */
@ApplicationScoped
public class JournalRepository {

    public Uni<Void> record(
            SqlClient db,
            UUID connectorId,
            long revision,
            String action,
            String writerKind,
            String actor,
            List<String> paths,
            String detailJson) {
        return db.preparedQuery("INSERT INTO connector_config_draft_changes"
                        + " (connector_id, revision, action, writer_kind, actor, paths, detail)"
                        + " VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb)")
                .execute(Tuple.from(new Object[] {
                    connectorId,
                    revision,
                    action,
                    writerKind,
                    actor,
                    new JsonArray(new ArrayList<>(paths)).encode(),
                    detailJson
                }))
                .replaceWithVoid();
    }

    /** Journal entries older than {@code beforeId} (all when null), newest first. */
    public Uni<List<HistoryEntry>> page(SqlClient db, UUID connectorId, Long beforeId, int limit) {
        return db.preparedQuery("SELECT id, revision, action, writer_kind, actor, paths::text AS paths,"
                        + " detail::text AS detail, created_at FROM connector_config_draft_changes"
                        + " WHERE connector_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3")
                .execute(Tuple.of(connectorId, beforeId, limit))
                .map(rows -> {
                    List<HistoryEntry> out = new ArrayList<>();
                    rows.forEach(row -> {
                        List<String> paths = new ArrayList<>();
                        new JsonArray(row.getString("paths")).forEach(p -> paths.add(String.valueOf(p)));
                        String detail = row.getString("detail");
                        out.add(new HistoryEntry(
                                row.getLong("id"),
                                row.getLong("revision"),
                                row.getString("action"),
                                row.getString("writer_kind"),
                                row.getString("actor"),
                                paths,
                                detail == null ? null : V3Document.parse(detail),
                                row.getOffsetDateTime("created_at")));
                    });
                    return out;
                });
    }
}
