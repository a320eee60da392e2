package io.plugsync.api.draft;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code connector_config_drafts}. */
@ApplicationScoped
public class DraftRepository {
    private static final String SELECT = "SELECT d.connector_id, c.organization_id, d.document::text AS document,"
            + " d.base_version, d.revision, d.restored_from_version, d.updated_by, d.updated_by_kind, d.updated_at"
            + " FROM connector_config_drafts d JOIN connector c ON c.id = d.connector_id"
            + " WHERE d.connector_id = $1 AND c.archived_at IS NULL";

    public Uni<Optional<DraftRow>> find(SqlClient db, UUID connectorId) {
        return db.preparedQuery(SELECT)
                .execute(Tuple.of(connectorId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(row(rows.iterator().next())));
    }

    /**
     * Locks the draft row until the transaction ends: draft writes and publishes of one connector
     * run one at a time. Read what depends on the lock (the active version) in later statements,
     * which see the state committed by whoever held the lock before.
     */
    public Uni<Optional<DraftRow>> lock(SqlClient db, UUID connectorId) {
        return db.preparedQuery(SELECT + " FOR UPDATE OF d")
                .execute(Tuple.of(connectorId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(row(rows.iterator().next())));
    }

    /** What a draft write records in the journal ({@code connector_config_draft_changes}). */
    public record JournalEntry(String action, List<String> paths, String detailJson) {}

    /**
     * Stores a new document and base version, bumps the revision and journals the change, in one
     * statement. Returns the updated row.
     */
    public Uni<DraftRow> update(
            SqlClient db,
            DraftRow current,
            JsonNode document,
            int baseVersion,
            Integer restoredFromVersion,
            String actor,
            String writerKind,
            JournalEntry journal) {
        return db.preparedQuery("WITH updated AS (UPDATE connector_config_drafts SET document = $2::text::jsonb,"
                        + " base_version = $3, revision = revision + 1, restored_from_version = $4, updated_by = $5,"
                        + " updated_by_kind = $6, updated_at = now() WHERE connector_id = $1"
                        + " RETURNING revision, updated_at),"
                        + " journaled AS (INSERT INTO connector_config_draft_changes"
                        + " (connector_id, revision, action, writer_kind, actor, paths, detail)"
                        + " SELECT $1, revision, $7, $6, $5, $8::text::jsonb, $9::text::jsonb FROM updated)"
                        + " SELECT revision, updated_at FROM updated")
                .execute(Tuple.from(new Object[] {
                    current.connectorId(),
                    V3Document.write(document),
                    baseVersion,
                    restoredFromVersion,
                    actor,
                    writerKind,
                    journal.action(),
                    new JsonArray(new ArrayList<>(journal.paths())).encode(),
                    journal.detailJson()
                }))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new DraftRow(
                            current.connectorId(),
                            current.organizationId(),
                            document,
                            baseVersion,
                            row.getLong("revision"),
                            restoredFromVersion,
                            actor,
                            writerKind,
                            row.getOffsetDateTime("updated_at"));
                });
    }

    private static DraftRow row(Row row) {
        return new DraftRow(
                row.getUUID("connector_id"),
                row.getUUID("organization_id"),
                V3Document.parse(row.getString("document")),
                row.getInteger("base_version"),
                row.getLong("revision"),
                row.getInteger("restored_from_version"),
                row.getString("updated_by"),
                row.getString("updated_by_kind"),
                row.getOffsetDateTime("updated_at"));
    }
}
