package io.plugsync.api.governance.review;

import io.plugsync.api.governance.audit.AuditActions;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** SQL for {@code connector_review} and its thread {@code connector_review_verdict}. */
@ApplicationScoped
public class ReviewRepository {
    private static final String COLUMNS = "id, connector_id, draft_revision, base_version, active_version, checksum,"
            + " patch::text AS patch, changes::text AS changes, changed_paths::text AS changed_paths, summary,"
            + " requested_by, requested_by_kind, requested_at, status, published_version, closed_by, closed_at";
    private static final String WITH_DOCUMENT = COLUMNS + ", document::text AS document";

    /** What a new review freezes. */
    public record Snapshot(
            UUID connectorId,
            long draftRevision,
            int baseVersion,
            int activeVersion,
            String documentJson,
            String checksum,
            String patchJson,
            String changesJson,
            List<String> changedPaths,
            String summary,
            String requestedBy,
            String requestedByKind) {}

    public Uni<ReviewRow> insert(SqlClient db, Snapshot s) {
        return db.preparedQuery("INSERT INTO connector_review (connector_id, draft_revision, base_version,"
                        + " active_version, document, checksum, patch, changes, changed_paths, summary, requested_by,"
                        + " requested_by_kind) VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7::text::jsonb,"
                        + " $8::text::jsonb, $9::text::jsonb, $10, $11, $12) RETURNING " + WITH_DOCUMENT)
                .execute(Tuple.from(new Object[] {
                    s.connectorId(),
                    s.draftRevision(),
                    s.baseVersion(),
                    s.activeVersion(),
                    s.documentJson(),
                    s.checksum(),
                    s.patchJson(),
                    s.changesJson(),
                    new JsonArray(new ArrayList<>(s.changedPaths())).encode(),
                    s.summary(),
                    s.requestedBy(),
                    s.requestedByKind()
                }))
                .map(rows -> row(rows.iterator().next(), true));
    }

    /** The connector's open review, if any. */
    public Uni<Optional<ReviewRow>> findOpen(SqlClient db, UUID connectorId) {
        return db.preparedQuery(
                        "SELECT " + COLUMNS + " FROM connector_review WHERE connector_id = $1 AND status = 'open'")
                .execute(Tuple.of(connectorId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(row(rows.iterator().next(), false)));
    }

    /** One review of the connector (another connector's review is empty). */
    public Uni<Optional<ReviewRow>> find(SqlClient db, UUID connectorId, UUID reviewId, boolean withDocument) {
        return db.preparedQuery("SELECT " + (withDocument ? WITH_DOCUMENT : COLUMNS)
                        + " FROM connector_review WHERE id = $1 AND connector_id = $2")
                .execute(Tuple.of(reviewId, connectorId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(row(rows.iterator().next(), withDocument)));
    }

    /** Reviews of the connector, newest first, after the keyset cursor; {@code status} null: all. */
    public Uni<List<ReviewRow>> page(
            SqlClient db, UUID connectorId, String status, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM connector_review WHERE connector_id = $1"
                        + " AND ($2::text IS NULL OR status = $2)"
                        + " AND ($3::timestamptz IS NULL OR (requested_at, id) < ($3, $4))"
                        + " ORDER BY requested_at DESC, id DESC LIMIT $5")
                .execute(Tuple.from(new Object[] {connectorId, status, beforeAt, beforeId, limit}))
                .map(rows -> {
                    List<ReviewRow> out = new ArrayList<>();
                    rows.forEach(row -> out.add(row(row, false)));
                    return out;
                });
    }

    /** The threads of the reviews, oldest entry first. */
    public Uni<Map<UUID, List<VerdictRow>>> verdicts(SqlClient db, List<UUID> reviewIds) {
        if (reviewIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.preparedQuery("SELECT id, review_id, verdict, reviewer, writer_kind, comment, self_review,"
                        + " created_at FROM connector_review_verdict WHERE review_id = ANY($1) ORDER BY id")
                .execute(Tuple.of(reviewIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, List<VerdictRow>> out = new HashMap<>();
                    rows.forEach(row -> out.computeIfAbsent(row.getUUID("review_id"), k -> new ArrayList<>())
                            .add(new VerdictRow(
                                    row.getLong("id"),
                                    row.getUUID("review_id"),
                                    row.getString("verdict"),
                                    row.getString("reviewer"),
                                    row.getString("writer_kind"),
                                    row.getString("comment"),
                                    row.getBoolean("self_review"),
                                    row.getOffsetDateTime("created_at"))));
                    return out;
                });
    }

    public Uni<Void> addVerdict(
            SqlClient db,
            UUID reviewId,
            String verdict,
            String reviewer,
            String writerKind,
            String comment,
            boolean selfReview) {
        return db.preparedQuery("INSERT INTO connector_review_verdict (review_id, verdict, reviewer, writer_kind,"
                        + " comment, self_review) VALUES ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.from(new Object[] {reviewId, verdict, reviewer, writerKind, comment, selfReview}))
                .replaceWithVoid();
    }

    /** Closes an open review ({@code superseded} or {@code withdrawn}); false when it was not open. */
    public Uni<Boolean> close(SqlClient db, UUID reviewId, String status, String actor) {
        return db.preparedQuery("UPDATE connector_review SET status = $2, closed_by = $3, closed_at = now()"
                        + " WHERE id = $1 AND status = 'open'")
                .execute(Tuple.of(reviewId, status, actor))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * After a publish of the connector (same transaction): its open review becomes {@code published}
     * with the version when it was of exactly the published draft, {@code superseded} otherwise.
     */
    public Uni<Void> closeOnPublish(
            SqlClient db, UUID connectorId, long draftRevision, String checksum, int version, String actor) {
        return db.preparedQuery("UPDATE connector_review SET"
                        + " status = CASE WHEN draft_revision = $2::bigint AND checksum = $3::text THEN 'published'"
                        + " ELSE 'superseded' END,"
                        + " published_version = CASE WHEN draft_revision = $2::bigint AND checksum = $3::text"
                        + " THEN $4::integer END,"
                        + " closed_by = $5, closed_at = now() WHERE connector_id = $1 AND status = 'open'")
                .execute(Tuple.of(connectorId, draftRevision, checksum, version, actor))
                .replaceWithVoid();
    }

    /**
     * Who wrote the connector's unpublished changes: the actors of draft writes journalled since its
     * last publish (every publish publishes the whole draft, so nothing older is pending).
     */
    public Uni<Set<String>> authorsSinceLastPublish(SqlClient db, UUID connectorId) {
        return db.preparedQuery("SELECT DISTINCT actor FROM connector_config_draft_changes WHERE connector_id = $1"
                        + " AND id > coalesce((SELECT max(id) FROM connector_config_draft_changes"
                        + " WHERE connector_id = $1 AND action = 'publish'), 0)"
                        + " AND action <> ALL($2)")
                .execute(Tuple.of(connectorId, AuditActions.AUDITED.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> out = new LinkedHashSet<>();
                    rows.forEach(row -> out.add(row.getString("actor")));
                    return out;
                });
    }

    private static ReviewRow row(Row row, boolean withDocument) {
        List<String> paths = new ArrayList<>();
        new JsonArray(row.getString("changed_paths")).forEach(p -> paths.add(String.valueOf(p)));
        return new ReviewRow(
                row.getUUID("id"),
                row.getUUID("connector_id"),
                row.getLong("draft_revision"),
                row.getInteger("base_version"),
                row.getInteger("active_version"),
                withDocument ? V3Document.parse(row.getString("document")) : null,
                row.getString("checksum"),
                V3Document.parse(row.getString("patch")),
                V3Document.parse(row.getString("changes")),
                List.copyOf(paths),
                row.getString("summary"),
                row.getString("requested_by"),
                row.getString("requested_by_kind"),
                row.getOffsetDateTime("requested_at"),
                row.getString("status"),
                row.getInteger("published_version"),
                row.getString("closed_by"),
                row.getOffsetDateTime("closed_at"));
    }
}
