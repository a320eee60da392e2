package io.plugsync.common.source;

import io.plugsync.common.source.SourceStatus.Sync;
import io.plugsync.common.sql.Keyset;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of {@code connector_sync_event}, the sync queue: queueing (de-duplicated per target and
 * head SHA), claiming with leases (SKIP LOCKED), holding for confirmation, finishing, retrying, and
 * the admin API's reads, resyncs and re-queues. The lifecycle:
 *
 * <pre>
 * queued -> running -> completed | completed_with_errors | failed | cancelled
 *                   -> needs_confirmation (held) -> queued (confirmed) | cancelled
 *                   -> queued (retry later, lease expired)
 * failed | completed_with_errors | cancelled | skipped -> queued (admin retry)
 * </pre>
 */
public final class SyncEvents {
    private static final String QUEUED = Sync.QUEUED.wire();
    private static final String RUNNING = Sync.RUNNING.wire();
    private static final String HELD = Sync.NEEDS_CONFIRMATION.wire();
    /** The predicate of the partial unique index {@code connector_sync_event_target_revision}. */
    private static final String ONE_PER_REVISION =
            "source_revision_ref IS NOT NULL AND status IN " + SourceStatus.sqlList(Sync.ONE_PER_REVISION);

    private static final String IN_ORGANIZATION =
            " FROM connector_sync_event e JOIN connector_instance i ON i.id = e.connector_instance_id";
    private static final String CLAIMED_COLUMNS = "e.id, e.connector_target_id, e.connector_instance_id,"
            + " e.event_type, e.source_revision_ref, e.attempts, e.summary_json";
    /** Targets with a due queued sync and none running, oldest due first; locked, skipping locked ones. */
    private static final String LOCK_DUE_TARGETS = "SELECT t.id FROM connector_target t JOIN (SELECT"
            + " q.connector_target_id, min(q.next_attempt_at) AS due FROM connector_sync_event q"
            + " WHERE q.status = '" + QUEUED + "' AND q.next_attempt_at <= now() GROUP BY q.connector_target_id) d"
            + " ON d.connector_target_id = t.id WHERE NOT EXISTS (SELECT 1 FROM connector_sync_event r"
            + " WHERE r.connector_target_id = t.id AND r.status = '" + RUNNING + "')"
            + " ORDER BY d.due LIMIT $1 FOR NO KEY UPDATE OF t SKIP LOCKED";
    /** The oldest due sync of each locked target, unless one of it is running by now. */
    private static final String CLAIM_ONE_PER_TARGET = "UPDATE connector_sync_event e SET status = '" + RUNNING
            + "', attempts = e.attempts + 1, started_at = clock_timestamp(),"
            + " next_attempt_at = clock_timestamp() + make_interval(secs => $2)"
            + " WHERE e.status = '" + QUEUED + "' AND e.id IN (SELECT DISTINCT ON (q.connector_target_id) q.id"
            + " FROM connector_sync_event q WHERE q.connector_target_id = ANY($1) AND q.status = '" + QUEUED + "'"
            + " AND q.next_attempt_at <= now() AND NOT EXISTS (SELECT 1 FROM connector_sync_event r"
            + " WHERE r.connector_target_id = q.connector_target_id AND r.status = '" + RUNNING + "')"
            + " ORDER BY q.connector_target_id, q.next_attempt_at, q.id) RETURNING " + CLAIMED_COLUMNS;

    private SyncEvents() {}

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
     * Queues a sync of a GitHub target; empty when a sync of the same head SHA is already queued,
     * running, held or done (the partial unique index decides, so concurrent deliveries agree). A
     * null {@code revision} is never de-duplicated.
     */
    public static Uni<Optional<UUID>> queue(
            SqlClient db, TargetRef target, String eventType, String externalRef, String revision, JsonObject summary) {
        return db.preparedQuery("INSERT INTO connector_sync_event (connector_instance_id, connector_target_id,"
                        + " connector_type, remote_id, event_type, external_event_ref, source_revision_ref,"
                        + " summary_json, status) VALUES ($1, $2, $8, $3, $4, $5, $6, $7, $9)"
                        + " ON CONFLICT (connector_target_id, source_revision_ref) WHERE " + ONE_PER_REVISION
                        + " DO NOTHING RETURNING id")
                .execute(Tuple.from(Arrays.asList(
                        target.instanceId(),
                        target.targetId(),
                        target.remoteId(),
                        eventType,
                        externalRef,
                        revision,
                        summary,
                        SourceKinds.GITHUB,
                        QUEUED)))
                .map(rows -> Rows.first(rows, row -> row.getUUID("id")));
    }

    /** Queues a manual resync of a target (no revision: it syncs whatever the branch head is then). */
    public static Uni<SyncEvent> queueResync(SqlClient db, SourceTarget target, String requestedBy) {
        return db.preparedQuery("INSERT INTO connector_sync_event (connector_instance_id, connector_target_id,"
                        + " connector_type, remote_id, event_type, status, summary_json)"
                        + " VALUES ($1, $2, $3, $4, $6, $7, jsonb_build_object('requested_by', $5::text))"
                        + " RETURNING *")
                .execute(Tuple.from(new Object[] {
                    target.connectorInstanceId(),
                    target.id(),
                    target.connectorType(),
                    target.remoteId(),
                    requestedBy,
                    SourceKinds.SyncEventType.MANUAL_RESYNC,
                    QUEUED
                }))
                .map(rows -> Rows.one(rows, SyncEvent::from));
    }

    /**
     * Queues a sync of the target's branch head unless one is already queued (a running one does not
     * count: it may have read the old mappings); returns the queued event either way. The target's
     * row lock serialises concurrent callers, so two changes never queue two syncs; call it inside
     * a transaction.
     */
    public static Uni<UUID> queueOnce(SqlClient db, SourceTarget target, String eventType, JsonObject summary) {
        return db.preparedQuery("SELECT 1 FROM connector_target WHERE id = $1 FOR NO KEY UPDATE")
                .execute(Tuple.of(target.id()))
                .flatMap(locked -> db.preparedQuery("WITH waiting AS (SELECT id FROM connector_sync_event"
                                + " WHERE connector_target_id = $2 AND status = $7 ORDER BY next_attempt_at, id LIMIT 1),"
                                + " queued AS (INSERT INTO connector_sync_event (connector_instance_id,"
                                + " connector_target_id, connector_type, remote_id, event_type, status, summary_json)"
                                + " SELECT $1, $2, $3, $4, $5, $7, $6 WHERE NOT EXISTS (SELECT 1 FROM waiting)"
                                + " RETURNING id) SELECT id FROM queued UNION ALL SELECT id FROM waiting")
                        .execute(Tuple.from(new Object[] {
                            target.connectorInstanceId(),
                            target.id(),
                            target.connectorType(),
                            target.remoteId(),
                            eventType,
                            summary,
                            QUEUED
                        })))
                .map(rows -> Rows.one(rows, row -> row.getUUID("id")));
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
    public static Uni<List<ClaimedSync>> claim(SqlClient db, int limit, Duration lease) {
        return db.preparedQuery(LOCK_DUE_TARGETS).execute(Tuple.of(limit)).flatMap(locked -> {
            if (locked.size() == 0) {
                return Uni.createFrom().item(List.<ClaimedSync>of());
            }
            UUID[] targetIds = Rows.all(locked, r -> r.getUUID(0)).toArray(UUID[]::new);
            return db.preparedQuery(CLAIM_ONE_PER_TARGET)
                    .execute(Tuple.of(targetIds, lease.toMillis() / 1000.0))
                    .map(rows -> Rows.all(rows, SyncEvents::claimed));
        });
    }

    /**
     * Extends the leases of running syncs a live worker holds to {@code lease} from now; a sync that
     * is no longer running (finished, or released meanwhile) is left alone. Returns how many.
     */
    public static Uni<Integer> renewLeases(SqlClient db, List<UUID> ids, Duration lease) {
        return db.preparedQuery("UPDATE connector_sync_event SET next_attempt_at = clock_timestamp()"
                        + " + make_interval(secs => $2) WHERE id = ANY($1) AND status = $3")
                .execute(Tuple.of(ids.toArray(UUID[]::new), lease.toMillis() / 1000.0, RUNNING))
                .map(RowSet::rowCount);
    }

    /**
     * Re-queues running syncs their worker gives back (it could not record their outcome, or never
     * got to them), as long as their lease has not run out: until then nobody else can have claimed
     * them. Returns how many.
     */
    public static Uni<Integer> requeueLeased(SqlClient db, List<UUID> ids) {
        return db.preparedQuery("UPDATE connector_sync_event SET status = $2, next_attempt_at = now()"
                        + " WHERE id = ANY($1) AND status = $3 AND next_attempt_at > now()")
                .execute(Tuple.of(ids.toArray(UUID[]::new), QUEUED, RUNNING))
                .map(RowSet::rowCount);
    }

    /** Re-queues running syncs whose lease ran out (their worker died); returns how many. */
    public static Uni<Integer> releaseExpired(SqlClient db) {
        return db.preparedQuery("UPDATE connector_sync_event SET status = $1, next_attempt_at = now()"
                        + " WHERE status = $2 AND next_attempt_at < now()")
                .execute(Tuple.of(QUEUED, RUNNING))
                .map(RowSet::rowCount);
    }

    /** Ends a sync with {@code status}, merging {@code summary} into its summary. */
    public static Uni<Void> finish(SqlClient db, UUID id, Sync status, JsonObject summary) {
        return db.preparedQuery("UPDATE connector_sync_event SET status = $2, summary_json = summary_json || $3,"
                        + " completed_at = now() WHERE id = $1")
                .execute(Tuple.of(id, status.wire(), summary))
                .replaceWithVoid();
    }

    /** Back to the queue, due after {@code delay} (GitHub unavailable, rate limited, concurrent change). */
    public static Uni<Void> retryLater(SqlClient db, UUID id, Duration delay, JsonObject summary) {
        return db.preparedQuery("UPDATE connector_sync_event SET status = $4,"
                        + " next_attempt_at = now() + make_interval(secs => $2), summary_json = summary_json || $3"
                        + " WHERE id = $1")
                .execute(Tuple.of(id, delay.toMillis() / 1000.0, summary, QUEUED))
                .replaceWithVoid();
    }

    /**
     * Held sync -> queued, flagged {@code deletions_confirmed} (see {@link
     * ClaimedSync#deletionsConfirmed}); empty when it was not held.
     */
    public static Uni<Optional<SyncEvent>> confirmHeld(SqlClient db, UUID id, String confirmedBy) {
        return db.preparedQuery("UPDATE connector_sync_event SET status = $3, next_attempt_at = now(),"
                        + " completed_at = NULL, summary_json = summary_json || jsonb_build_object("
                        + "'deletions_confirmed', true, 'confirmed_by', $2::text, 'confirmed_at', now())"
                        + " WHERE id = $1 AND status = $4 RETURNING *")
                .execute(Tuple.of(id, confirmedBy, QUEUED, HELD))
                .map(rows -> Rows.first(rows, SyncEvent::from));
    }

    /**
     * Held sync -> cancelled, naming who discarded it; nothing is applied and nothing else changes.
     * Empty when it was not held.
     */
    public static Uni<Optional<SyncEvent>> discardHeld(SqlClient db, UUID id, String discardedBy) {
        return db.preparedQuery("UPDATE connector_sync_event SET status = $3, completed_at = now(),"
                        + " summary_json = summary_json || jsonb_build_object('discarded_by', $2::text,"
                        + " 'discarded_at', now()) WHERE id = $1 AND status = $4 RETURNING *")
                .execute(Tuple.of(id, discardedBy, Sync.CANCELLED.wire(), HELD))
                .map(rows -> Rows.first(rows, SyncEvent::from));
    }

    /** Cancels waiting (queued or held) syncs of targets that may no longer sync; returns how many. */
    public static Uni<Integer> cancelQueued(SqlClient db, List<UUID> targetIds, String reason) {
        return db.preparedQuery("UPDATE connector_sync_event SET status = $3, completed_at = now(),"
                        + " summary_json = summary_json || jsonb_build_object('cancelled_reason', $2::text)"
                        + " WHERE connector_target_id = ANY($1) AND status = ANY($4)")
                .execute(Tuple.of(
                        targetIds.toArray(UUID[]::new),
                        reason,
                        Sync.CANCELLED.wire(),
                        SourceStatus.wires(Sync.WAITING).toArray(String[]::new)))
                .map(RowSet::rowCount);
    }

    /**
     * Re-queues a finished, unsuccessful event; empty when its status is not retryable, a unique
     * violation when a sync of its revision is already queued or done.
     */
    public static Uni<Optional<SyncEvent>> requeue(SqlClient db, UUID id) {
        return db.preparedQuery("UPDATE connector_sync_event SET status = $2, next_attempt_at = now(),"
                        + " completed_at = NULL, summary_json = summary_json || jsonb_build_object('retried_at', now())"
                        + " WHERE id = $1 AND status = ANY($3) RETURNING *")
                .execute(Tuple.of(id, QUEUED, SourceStatus.wires(Sync.RETRYABLE).toArray(String[]::new)))
                .map(rows -> Rows.first(rows, SyncEvent::from));
    }

    /** Held syncs across organisations, for the gauge. */
    public static Uni<Long> countHeld(SqlClient db) {
        return db.preparedQuery("SELECT count(*) FROM connector_sync_event WHERE status = $1")
                .execute(Tuple.of(HELD))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The event if its instance is in the organisation. */
    public static Uni<Optional<SyncEvent>> find(SqlClient db, UUID org, UUID id) {
        return db.preparedQuery("SELECT e.*" + IN_ORGANIZATION + " WHERE i.organization_id = $1 AND e.id = $2")
                .execute(Tuple.of(org, id))
                .map(rows -> Rows.first(rows, SyncEvent::from));
    }

    /**
     * A page of events of instances the member can see ({@code admin}: all), optionally of one
     * instance and one status, newest first by {@code started_at}.
     */
    public static Uni<List<SyncEvent>> list(
            SqlClient db, UUID org, UUID member, boolean admin, UUID instanceId, Sync status, Keyset page) {
        return db.preparedQuery("SELECT e.*" + IN_ORGANIZATION + " WHERE i.organization_id = $1"
                        + " AND ($3 OR library_instance_rank(i.id, $2::uuid) > 0)"
                        + " AND ($4::uuid IS NULL OR e.connector_instance_id = $4)"
                        + " AND ($5::text IS NULL OR e.status = $5) AND " + Keyset.after("e", "started_at", 6, 7)
                        + " ORDER BY e.started_at DESC, e.id DESC LIMIT $8")
                .execute(Tuple.from(new Object[] {
                    org,
                    member,
                    admin,
                    instanceId,
                    status == null ? null : status.wire(),
                    page.afterCreatedAt(),
                    page.afterId(),
                    page.limit()
                }))
                .map(rows -> Rows.all(rows, SyncEvent::from));
    }

    private static ClaimedSync claimed(Row r) {
        return new ClaimedSync(
                r.getUUID("id"),
                r.getUUID("connector_target_id"),
                r.getUUID("connector_instance_id"),
                r.getString("event_type"),
                r.getString("source_revision_ref"),
                r.getInteger("attempts"),
                r.getJsonObject("summary_json"));
    }
}
