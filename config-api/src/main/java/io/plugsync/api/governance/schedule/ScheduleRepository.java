package io.plugsync.api.governance.schedule;

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

/** SQL for {@code connector_scheduled_publish}. */
@ApplicationScoped
public class ScheduleRepository {
    private static final String COLUMNS = "s.id, s.connector_id, c.organization_id, s.review_id, s.draft_revision,"
            + " s.base_version, s.checksum, s.publish_at, s.message, s.scheduled_by, s.scheduled_by_kind,"
            + " s.scheduled_by_role, s.status, s.published_version, s.failure::text AS failure, s.fired_at,"
            + " s.cancelled_by, s.created_at";
    private static final String FROM = " FROM connector_scheduled_publish s JOIN connector c ON c.id = s.connector_id";

    /** What a new scheduled publish pins. */
    public record NewSchedule(
            UUID connectorId,
            UUID reviewId,
            long draftRevision,
            int baseVersion,
            String checksum,
            OffsetDateTime publishAt,
            String message,
            String scheduledBy,
            String scheduledByKind,
            String scheduledByRole) {}

    /** Pending scheduled publishes: how many, how many are due, age of the oldest due one. */
    public record Backlog(long pending, long due, double oldestDueSeconds) {}

    public Uni<ScheduleRow> insert(SqlClient db, NewSchedule s) {
        return db.preparedQuery("WITH s AS (INSERT INTO connector_scheduled_publish (connector_id, review_id,"
                        + " draft_revision, base_version, checksum, publish_at, message, scheduled_by,"
                        + " scheduled_by_kind, scheduled_by_role) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
                        + " RETURNING *) SELECT " + COLUMNS + " FROM s JOIN connector c ON c.id = s.connector_id")
                .execute(Tuple.from(new Object[] {
                    s.connectorId(),
                    s.reviewId(),
                    s.draftRevision(),
                    s.baseVersion(),
                    s.checksum(),
                    s.publishAt(),
                    s.message(),
                    s.scheduledBy(),
                    s.scheduledByKind(),
                    s.scheduledByRole()
                }))
                .map(rows -> row(rows.iterator().next()));
    }

    public Uni<Optional<ScheduleRow>> findPending(SqlClient db, UUID connectorId) {
        return one(db, " WHERE s.connector_id = $1 AND s.status = 'pending'", Tuple.of(connectorId));
    }

    public Uni<Optional<ScheduleRow>> find(SqlClient db, UUID connectorId, UUID id) {
        return one(db, " WHERE s.id = $1 AND s.connector_id = $2", Tuple.of(id, connectorId));
    }

    /** Newest first after the keyset cursor. */
    public Uni<List<ScheduleRow>> page(
            SqlClient db, UUID connectorId, String status, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        return db.preparedQuery("SELECT " + COLUMNS + FROM + " WHERE s.connector_id = $1"
                        + " AND ($2::text IS NULL OR s.status = $2)"
                        + " AND ($3::timestamptz IS NULL OR (s.created_at, s.id) < ($3, $4))"
                        + " ORDER BY s.created_at DESC, s.id DESC LIMIT $5")
                .execute(Tuple.from(new Object[] {connectorId, status, beforeAt, beforeId, limit}))
                .map(rows -> {
                    List<ScheduleRow> out = new ArrayList<>();
                    rows.forEach(row -> out.add(row(row)));
                    return out;
                });
    }

    /** Cancels a pending scheduled publish; empty when it was not pending (or does not exist). */
    public Uni<Optional<ScheduleRow>> cancel(SqlClient db, UUID connectorId, UUID id, String actor) {
        return db.preparedQuery("WITH s AS (UPDATE connector_scheduled_publish SET status = 'cancelled',"
                        + " cancelled_by = $3 WHERE id = $1 AND connector_id = $2 AND status = 'pending' RETURNING *)"
                        + " SELECT " + COLUMNS + " FROM s JOIN connector c ON c.id = s.connector_id")
                .execute(Tuple.of(id, connectorId, actor))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(row(rows.iterator().next())));
    }

    /**
     * Claims the next due scheduled publish: locked until the transaction ends, skipped by every
     * other replica meanwhile (FOR UPDATE SKIP LOCKED), so each fires exactly once.
     */
    public Uni<Optional<ScheduleRow>> claimDue(SqlClient db) {
        return db.preparedQuery("SELECT " + COLUMNS + FROM + " WHERE s.status = 'pending' AND s.publish_at <= now()"
                        + " ORDER BY s.publish_at, s.id LIMIT 1 FOR UPDATE OF s SKIP LOCKED")
                .execute()
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(row(rows.iterator().next())));
    }

    public Uni<ScheduleRow> markPublished(SqlClient db, UUID id, int version) {
        return finish(db, "status = 'published', published_version = $2", Tuple.of(id, version));
    }

    public Uni<ScheduleRow> markFailed(SqlClient db, UUID id, String problemJson) {
        return finish(db, "status = 'failed', failure = $2::text::jsonb", Tuple.of(id, problemJson));
    }

    public Uni<Backlog> backlog(SqlClient db) {
        return db.preparedQuery("SELECT count(*) AS pending, count(*) FILTER (WHERE publish_at <= now()) AS due,"
                        + " coalesce(extract(epoch FROM now() - min(publish_at) FILTER (WHERE publish_at <= now())),"
                        + " 0)::float8 AS oldest FROM connector_scheduled_publish WHERE status = 'pending'")
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Backlog(row.getLong("pending"), row.getLong("due"), row.getDouble("oldest"));
                });
    }

    private Uni<ScheduleRow> finish(SqlClient db, String set, Tuple args) {
        return db.preparedQuery("WITH s AS (UPDATE connector_scheduled_publish SET " + set + ", fired_at = now()"
                        + " WHERE id = $1 AND status = 'pending' RETURNING *) SELECT " + COLUMNS
                        + " FROM s JOIN connector c ON c.id = s.connector_id")
                .execute(args)
                .map(rows -> row(rows.iterator().next()));
    }

    private Uni<Optional<ScheduleRow>> one(SqlClient db, String where, Tuple args) {
        return db.preparedQuery("SELECT " + COLUMNS + FROM + where)
                .execute(args)
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(row(rows.iterator().next())));
    }

    private static ScheduleRow row(Row row) {
        String failure = row.getString("failure");
        return new ScheduleRow(
                row.getUUID("id"),
                row.getUUID("connector_id"),
                row.getUUID("organization_id"),
                row.getUUID("review_id"),
                row.getLong("draft_revision"),
                row.getInteger("base_version"),
                row.getString("checksum"),
                row.getOffsetDateTime("publish_at"),
                row.getString("message"),
                row.getString("scheduled_by"),
                row.getString("scheduled_by_kind"),
                row.getString("scheduled_by_role"),
                row.getString("status"),
                row.getInteger("published_version"),
                failure == null ? null : V3Document.parse(failure),
                row.getOffsetDateTime("fired_at"),
                row.getString("cancelled_by"),
                row.getOffsetDateTime("created_at"));
    }
}
