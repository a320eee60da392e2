package io.plugsync.ingest.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code connector_sync_event}: queueing, claiming (SKIP LOCKED), holding and finishing syncs. */
@ApplicationScoped
public class SyncEventRepository {
    private static final String CLAIMED_COLUMNS =
            "id, connector_target_id, connector_instance_id, event_type, source_revision_ref, attempts, summary_json";
    /** Targets with a due queued sync and none running, oldest due first; locked, skipping locked ones. */
    private static final String LOCK_DUE_TARGETS = "SELECT t.id FROM connector_target t JOIN (SELECT"
            + " q.connector_target_id, min(q.next_attempt_at) AS due FROM connector_sync_event q"
            + " WHERE q.status = 'queued' AND q.next_attempt_at <= now() GROUP BY q.connector_target_id) d"
            + " ON d.connector_target_id = t.id WHERE NOT EXISTS (SELECT 1 FROM connector_sync_event r"
            + " WHERE r.connector_target_id = t.id AND r.status = 'running')"
            + " ORDER BY d.due LIMIT $1 FOR NO KEY UPDATE OF t SKIP LOCKED";
    /** The oldest due sync of each locked target, unless one of it is running by now. */
    private static final String CLAIM_ONE_PER_TARGET = "UPDATE connector_sync_event e SET status = 'running',"
            + " attempts = e.attempts + 1, started_at = clock_timestamp(),"
            + " next_attempt_at = clock_timestamp() + make_interval(secs => $2)"
            + " WHERE e.status = 'queued' AND e.id IN (SELECT DISTINCT ON (q.connector_target_id) q.id"
            + " FROM connector_sync_event q WHERE q.connector_target_id = ANY($1) AND q.status = 'queued'"
            + " AND q.next_attempt_at <= now() AND NOT EXISTS (SELECT 1 FROM connector_sync_event r"
            + " WHERE r.connector_target_id = q.connector_target_id AND r.status = 'running')"
            + " ORDER BY q.connector_target_id, q.next_attempt_at, q.id) RETURNING " + prefixed("e");

    /** Small summary object from key/value pairs (null values dropped). */
    public static JsonObject summary(Object... keyValues) {
        JsonObject out = new JsonObject();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                out.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return out;
    }

    /**
     * Queues a sync of {@code target}; empty when a sync of the same head SHA is already queued,
     * running, held or done (the partial unique index decides, so concurrent deliveries agree).
     */
    public Uni<Optional<UUID>> queue(
            SqlClient db, TargetRef target, String eventType, String externalRef, String revision, JsonObject summary) {
        return db.preparedQuery("INSERT INTO connector_sync_event (connector_instance_id, connector_target_id,"
                        + " connector_type, remote_id, event_type, external_event_ref, source_revision_ref,"
                        + " summary_json) VALUES ($1, $2, 'github', $3, $4, $5, $6, $7)"
                        + " ON CONFLICT (connector_target_id, source_revision_ref) WHERE source_revision_ref IS NOT NULL"
                        + " AND status IN ('queued', 'running', 'completed', 'completed_with_errors', 'needs_confirmation')"
                        + " DO NOTHING RETURNING id")
                .execute(Tuple.from(java.util.Arrays.asList(
                        target.instanceId(),
                        target.targetId(),
                        target.remoteId(),
                        eventType,
                        externalRef,
                        revision,
                        summary)))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getUUID("id")));
    }

    /**
     * Claims due events of up to {@code limit} targets, at most one event per target; call it inside
     * a transaction. What it promises, also with several replicas claiming at once: an event is
     * claimed by one claimer only, and a target never has two syncs {@code running}.
     *
     * <p>The first statement locks the chosen targets' rows ({@code FOR NO KEY UPDATE SKIP LOCKED}:
     * replicas take disjoint targets, webhook inserts referencing the target are not blocked). The
     * second runs with a snapshot taken after those locks, so it sees a sync of the target that
     * another claimer committed as running just before, and claims nothing for that target then. The
     * lease (next_attempt_at) lets {@link #releaseExpired} re-queue syncs of a crashed replica. Events
     * without a target are never claimed (none are queued).
     */
    public Uni<List<ClaimedSync>> claim(SqlClient db, int limit, Duration lease) {
        return db.preparedQuery(LOCK_DUE_TARGETS).execute(Tuple.of(limit)).flatMap(locked -> {
            if (locked.size() == 0) {
                return Uni.createFrom().item(List.<ClaimedSync>of());
            }
            List<UUID> targetIds = new ArrayList<>();
            locked.forEach(r -> targetIds.add(r.getUUID(0)));
            return db.preparedQuery(CLAIM_ONE_PER_TARGET)
                    .execute(Tuple.of(targetIds.toArray(UUID[]::new), lease.toMillis() / 1000.0))
                    .map(SyncEventRepository::claimed);
        });
    }

    /** Re-queues running syncs whose lease ran out (their worker died). */
    public Uni<Integer> releaseExpired(SqlClient db) {
        return db.preparedQuery("UPDATE connector_sync_event SET status = 'queued', next_attempt_at = now()"
                        + " WHERE status = 'running' AND next_attempt_at < now()")
                .execute()
                .map(rows -> rows.rowCount());
    }

    public Uni<Void> finish(SqlClient db, UUID id, String status, JsonObject summary) {
        return db.preparedQuery("UPDATE connector_sync_event SET status = $2, summary_json = summary_json || $3,"
                        + " completed_at = now() WHERE id = $1")
                .execute(Tuple.of(id, status, summary))
                .replaceWithVoid();
    }

    /** Back to the queue, due after {@code delay} (GitHub unavailable, rate limited, concurrent change). */
    public Uni<Void> retryLater(SqlClient db, UUID id, Duration delay, JsonObject summary) {
        return db.preparedQuery("UPDATE connector_sync_event SET status = 'queued',"
                        + " next_attempt_at = now() + make_interval(secs => $2), summary_json = summary_json || $3"
                        + " WHERE id = $1")
                .execute(Tuple.of(id, delay.toMillis() / 1000.0, summary))
                .replaceWithVoid();
    }

    /** Held sync -> queued with the confirmation flag; empty when it was not held. */
    public Uni<Boolean> confirmHeld(SqlClient db, UUID id, String confirmedBy) {
        return db.preparedQuery("UPDATE connector_sync_event SET status = 'queued', next_attempt_at = now(),"
                        + " completed_at = NULL, summary_json = summary_json || jsonb_build_object("
                        + "'deletions_confirmed', true, 'confirmed_by', $2::text, 'confirmed_at', now())"
                        + " WHERE id = $1 AND status = 'needs_confirmation'")
                .execute(Tuple.of(id, confirmedBy))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Drops queued syncs of targets that may no longer sync. */
    public Uni<Integer> cancelQueued(SqlClient db, List<UUID> targetIds, String reason) {
        return db.preparedQuery("UPDATE connector_sync_event SET status = 'cancelled', completed_at = now(),"
                        + " summary_json = summary_json || jsonb_build_object('cancelled_reason', $2::text)"
                        + " WHERE connector_target_id = ANY($1) AND status IN ('queued', 'needs_confirmation')")
                .execute(Tuple.of(targetIds.toArray(UUID[]::new), reason))
                .map(rows -> rows.rowCount());
    }

    public Uni<Long> countHeld(SqlClient db) {
        return db.preparedQuery("SELECT count(*) FROM connector_sync_event WHERE status = 'needs_confirmation'")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Held syncs of an organisation, newest first. */
    public Uni<List<HeldSync>> held(SqlClient db, UUID organizationId) {
        return db.preparedQuery("SELECT e.id, e.connector_instance_id, e.connector_target_id, e.remote_id,"
                        + " e.source_revision_ref, e.summary_json, e.started_at FROM connector_sync_event e"
                        + " JOIN connector_instance i ON i.id = e.connector_instance_id"
                        + " WHERE i.organization_id = $1 AND e.status = 'needs_confirmation'"
                        + " ORDER BY e.started_at DESC, e.id DESC LIMIT 200")
                .execute(Tuple.of(organizationId))
                .map(rows -> {
                    List<HeldSync> out = new ArrayList<>();
                    rows.forEach(r -> out.add(heldSync(r)));
                    return out;
                });
    }

    /** The organisation owning a sync event, for authorisation. */
    public Uni<Optional<UUID>> organizationOf(SqlClient db, UUID syncEventId) {
        return db.preparedQuery("SELECT i.organization_id FROM connector_sync_event e"
                        + " JOIN connector_instance i ON i.id = e.connector_instance_id WHERE e.id = $1")
                .execute(Tuple.of(syncEventId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getUUID(0)));
    }

    private static HeldSync heldSync(Row r) {
        JsonObject summary = (JsonObject) r.getValue("summary_json");
        return new HeldSync(
                r.getUUID("id"),
                r.getUUID("connector_instance_id"),
                r.getUUID("connector_target_id"),
                r.getString("remote_id"),
                r.getString("source_revision_ref"),
                summary.getInteger("planned_deletions", 0),
                summary.getInteger("live_objects", 0),
                summary.getJsonArray("deleted_paths", new io.vertx.core.json.JsonArray()).getList().stream()
                        .map(Object::toString)
                        .toList(),
                r.getOffsetDateTime("started_at"));
    }

    private static String prefixed(String alias) {
        StringBuilder out = new StringBuilder();
        for (String column : CLAIMED_COLUMNS.split(", ")) {
            out.append(out.isEmpty() ? "" : ", ").append(alias).append('.').append(column);
        }
        return out.toString();
    }

    private static List<ClaimedSync> claimed(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<ClaimedSync> out = new ArrayList<>();
        rows.forEach(r -> out.add(new ClaimedSync(
                r.getUUID("id"),
                r.getUUID("connector_target_id"),
                r.getUUID("connector_instance_id"),
                r.getString("event_type"),
                r.getString("source_revision_ref"),
                r.getInteger("attempts"),
                (JsonObject) r.getValue("summary_json"))));
        return out;
    }

    /** A sync held by the mass-deletion guard. */
    public record HeldSync(
            UUID id,
            UUID connectorInstanceId,
            UUID connectorTargetId,
            String repository,
            String revision,
            int plannedDeletions,
            int liveObjects,
            List<String> deletedPaths,
            OffsetDateTime heldAt) {}
}
