package io.plugsync.api.governance.notify;

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

/** SQL for {@code connector_notification}. */
@ApplicationScoped
public class NotificationRepository {
    private static final String COLUMNS =
            "id, connector_id, kind, message, detail::text AS detail, created_at, dismissed_by, dismissed_at";

    public Uni<NotificationView> insert(
            SqlClient db, UUID connectorId, String kind, String message, String detailJson) {
        return db.preparedQuery("INSERT INTO connector_notification (connector_id, kind, message, detail)"
                        + " VALUES ($1, $2, $3, $4::text::jsonb) RETURNING " + COLUMNS)
                .execute(Tuple.of(connectorId, kind, message, detailJson))
                .map(rows -> row(rows.iterator().next()));
    }

    /** Newest first after the keyset cursor; dismissed ones only when asked. */
    public Uni<List<NotificationView>> page(
            SqlClient db,
            UUID connectorId,
            boolean includeDismissed,
            OffsetDateTime beforeAt,
            UUID beforeId,
            int limit) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM connector_notification WHERE connector_id = $1"
                        + " AND ($2 OR dismissed_at IS NULL)"
                        + " AND ($3::timestamptz IS NULL OR (created_at, id) < ($3, $4))"
                        + " ORDER BY created_at DESC, id DESC LIMIT $5")
                .execute(Tuple.from(new Object[] {connectorId, includeDismissed, beforeAt, beforeId, limit}))
                .map(rows -> {
                    List<NotificationView> out = new ArrayList<>();
                    rows.forEach(row -> out.add(row(row)));
                    return out;
                });
    }

    /** Dismisses a notification of the connector (once; a second dismissal keeps the first). */
    public Uni<Optional<NotificationView>> dismiss(SqlClient db, UUID connectorId, UUID id, String actor) {
        return db.preparedQuery("UPDATE connector_notification SET"
                        + " dismissed_by = coalesce(dismissed_by, $3), dismissed_at = coalesce(dismissed_at, now())"
                        + " WHERE id = $1 AND connector_id = $2 RETURNING " + COLUMNS)
                .execute(Tuple.of(id, connectorId, actor))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(row(rows.iterator().next())));
    }

    private static NotificationView row(Row row) {
        return new NotificationView(
                row.getUUID("id"),
                row.getUUID("connector_id"),
                row.getString("kind"),
                row.getString("message"),
                V3Document.parse(row.getString("detail")),
                row.getOffsetDateTime("created_at"),
                row.getString("dismissed_by"),
                row.getOffsetDateTime("dismissed_at"));
    }
}
