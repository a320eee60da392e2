package io.plugsync.api.version;

import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads published versions (they are written only by publish). */
@ApplicationScoped
public class VersionRepository {
    private static final String COLUMNS = "connector_id, version, checksum, is_active, published_by, published_by_kind,"
            + " message, based_on_version, published_at";
    /** One version with its document: the primary key {@code (connector_id, version)}. */
    static final String FIND = "SELECT " + COLUMNS + ", document::text AS document FROM connector_config_versions"
            + " WHERE connector_id = $1 AND version = $2";
    /**
     * A keyset page, newest first, without documents: an index range on {@code (connector_id,
     * version)} that starts at the cursor (no cursor: below the largest integer), in the generic plan
     * of a cached statement too ({@code $2 IS NULL OR version < $2} would be a filter there).
     */
    static final String PAGE = "SELECT " + COLUMNS + " FROM connector_config_versions WHERE connector_id = $1"
            + " AND version < coalesce($2::int, 2147483647) ORDER BY version DESC LIMIT $3";

    public Uni<Optional<VersionRow>> active(SqlClient db, UUID connectorId) {
        return db.preparedQuery("SELECT " + COLUMNS + ", document::text AS document FROM connector_config_versions"
                        + " WHERE connector_id = $1 AND is_active")
                .execute(Tuple.of(connectorId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(row(rows.iterator().next(), true)));
    }

    public Uni<Optional<VersionRow>> find(SqlClient db, UUID connectorId, int version) {
        return db.preparedQuery(FIND)
                .execute(Tuple.of(connectorId, version))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(row(rows.iterator().next(), true)));
    }

    /** Versions older than {@code before} (all when null), newest first, without documents. */
    public Uni<List<VersionRow>> page(SqlClient db, UUID connectorId, Integer before, int limit) {
        return db.preparedQuery(PAGE)
                .execute(Tuple.of(connectorId, before, limit))
                .map(rows -> {
                    List<VersionRow> out = new ArrayList<>();
                    rows.forEach(r -> out.add(row(r, false)));
                    return out;
                });
    }

    /**
     * When the outbox event of the version was delivered to the replica; empty when not yet (or
     * when no event exists).
     */
    public Uni<Optional<OffsetDateTime>> deliveredAt(SqlClient db, UUID connectorId, int version) {
        return db.preparedQuery("SELECT max(delivered_at) AS delivered_at FROM outbox_event"
                        + " WHERE aggregate_type = $1 AND aggregate_id = $2 AND event_type = $3"
                        + " AND payload->>'version' = $4")
                .execute(Tuple.of(
                        OutboxContract.CONNECTOR,
                        connectorId.toString(),
                        OutboxContract.CONNECTOR_VERSION_PUBLISHED.name(),
                        Integer.toString(version)))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getOffsetDateTime("delivered_at")));
    }

    private static VersionRow row(Row row, boolean withDocument) {
        return new VersionRow(
                row.getUUID("connector_id"),
                row.getInteger("version"),
                withDocument ? V3Document.parse(row.getString("document")) : null,
                row.getString("checksum"),
                row.getBoolean("is_active"),
                row.getString("published_by"),
                row.getString("published_by_kind"),
                row.getString("message"),
                row.getInteger("based_on_version"),
                row.getOffsetDateTime("published_at"));
    }
}
