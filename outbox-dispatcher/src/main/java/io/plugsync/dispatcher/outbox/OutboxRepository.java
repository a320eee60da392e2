package io.plugsync.dispatcher.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The SQL of the outbox: claim, record outcomes, dead-letter administration, statistics. */
@ApplicationScoped
public class OutboxRepository {
    private static final String COLUMNS =
            "e.id, e.seq, e.aggregate_type, e.aggregate_id, e.event_type, e.schema_version, "
                    + "e.payload::text AS payload, e.trace_context::text AS trace_context, e.created_at, e.attempts";

    /*
     * Only the head of each aggregate is claimable: an event waits while an earlier one of the same
     * aggregate is undelivered and not dead (even when another dispatcher holds it locked, because
     * the NOT EXISTS sees it regardless of SKIP LOCKED). So per-aggregate order holds with any
     * number of dispatchers, and rows stay locked until the delivery is recorded and committed.
     * OFFSET 0 keeps the NOT EXISTS a per-row probe of outbox_event_pending: pulled up into an
     * anti-join it was planned, on the statistics of a table that just grew a backlog, as a nested
     * loop that scans every pending row for every pending row (0.5 s for 1,000 events).
     *
     * With each locked head ($1 of them) come the ids of up to $2 events in line behind it, in
     * order, read (not locked) in the same round trip: most passes of a dispatcher that keeps up
     * find none and need no second query.
     */
    private static final String CLAIM_HEADS = "SELECT h.*, f.followers FROM (SELECT " + COLUMNS
            + " FROM outbox_event e"
            + " WHERE e.delivered_at IS NULL AND e.dead_at IS NULL AND e.next_attempt_at <= now()"
            + " AND NOT EXISTS (SELECT 1 FROM outbox_event p"
            + "   WHERE p.aggregate_type = e.aggregate_type AND p.aggregate_id = e.aggregate_id"
            + "   AND p.seq < e.seq AND p.delivered_at IS NULL AND p.dead_at IS NULL OFFSET 0)"
            + " ORDER BY e.seq LIMIT $1 FOR UPDATE SKIP LOCKED) h"
            + " CROSS JOIN LATERAL (SELECT array_agg(n.id ORDER BY n.seq) AS followers FROM (SELECT p.id, p.seq"
            + "   FROM outbox_event p WHERE p.aggregate_type = h.aggregate_type AND p.aggregate_id = h.aggregate_id"
            + "   AND p.seq > h.seq AND p.delivered_at IS NULL AND p.dead_at IS NULL ORDER BY p.seq LIMIT $2) n) f"
            + " ORDER BY h.seq";

    /*
     * Nobody else can claim the followers (they are not heads while our locked head is undelivered);
     * they are locked all the same, with SKIP LOCKED so a surprise never blocks a pass, by primary key
     * (a plan that does not depend on statistics). Whether each is still claimable is read after the
     * lock, so a run stops at a row that was skipped, changed meanwhile or is not due yet.
     */
    private static final String FOLLOWERS_LOCK = "SELECT " + COLUMNS
            + ", e.delivered_at IS NULL AND e.dead_at IS NULL AND e.next_attempt_at <= now() AS claimable"
            + " FROM outbox_event e WHERE e.id = ANY($1) ORDER BY e.seq FOR UPDATE SKIP LOCKED";

    private final Pool pool;
    private final ObjectMapper mapper;

    public OutboxRepository(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /**
     * Claims runs on {@code tx}: up to {@code heads} head events (one per aggregate), each with up to
     * {@code runSize - 1} consecutive due events of its aggregate behind it. Each run is in seq
     * order, head first; runs are ordered by their head's seq. Everything stays locked until {@code
     * tx} ends.
     */
    public Uni<List<List<OutboxRecord>>> claimRuns(SqlConnection tx, int heads, int runSize) {
        return tx.preparedQuery(CLAIM_HEADS)
                .execute(Tuple.of((long) heads, (long) Math.max(0, runSize - 1)))
                .chain(rows -> {
                    List<List<OutboxRecord>> runs = new ArrayList<>(rows.rowCount());
                    List<Integer> runOf = new ArrayList<>();
                    List<UUID> inLine = new ArrayList<>();
                    for (Row row : rows) {
                        List<OutboxRecord> run = new ArrayList<>();
                        run.add(toRecord(row));
                        UUID[] followers = row.getArrayOfUUIDs("followers");
                        if (followers != null) {
                            for (UUID id : followers) {
                                runOf.add(runs.size());
                                inLine.add(id);
                            }
                        }
                        runs.add(run);
                    }
                    if (inLine.isEmpty()) {
                        return Uni.createFrom().item(runs);
                    }
                    return tx.preparedQuery(FOLLOWERS_LOCK)
                            .execute(Tuple.of(inLine.toArray(new UUID[0])))
                            .map(locked -> extend(runs, runOf, inLine, locked));
                });
    }

    /**
     * Grows each run with its followers in line order, up to the first one that was not locked or is
     * not claimable any more; the rest stays locked, untouched, until the transaction ends.
     */
    private List<List<OutboxRecord>> extend(
            List<List<OutboxRecord>> runs, List<Integer> runOf, List<UUID> inLine, RowSet<Row> locked) {
        Map<UUID, OutboxRecord> claimable = new HashMap<>();
        for (Row row : locked) {
            if (row.getBoolean("claimable")) {
                claimable.put(row.getUUID("id"), toRecord(row));
            }
        }
        boolean[] closed = new boolean[runs.size()];
        for (int i = 0; i < inLine.size(); i++) {
            int run = runOf.get(i);
            OutboxRecord event = claimable.get(inLine.get(i));
            if (event == null) {
                closed[run] = true;
            } else if (!closed[run]) {
                runs.get(run).add(event);
            }
        }
        return runs;
    }

    /** Records the outcomes of a batch on the claiming connection (same transaction as the claim). */
    public Uni<Void> record(SqlConnection tx, List<Outcome> outcomes, int maxAttempts) {
        List<UUID> delivered = new ArrayList<>();
        List<Tuple> failed = new ArrayList<>();
        List<Tuple> dead = new ArrayList<>();
        List<Tuple> unreachable = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Delivered d) {
                delivered.add(d.event().id());
            } else if (outcome instanceof Outcome.Failed f) {
                failed.add(Tuple.of(f.event().id(), truncate(f.error()), f.retryAfterMillis(), maxAttempts));
            } else if (outcome instanceof Outcome.Dead d) {
                dead.add(Tuple.of(d.event().id(), truncate(d.error())));
            } else if (outcome instanceof Outcome.Unreachable u) {
                unreachable.add(Tuple.of(u.event().id(), truncate(u.error()), u.retryAfterMillis()));
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (!delivered.isEmpty()) {
            // One statement for the whole batch (a pass records hundreds of deliveries), with one
            // timestamp: rows are updated in no particular order, and per-row clock_timestamp()
            // would let a later event of a run look delivered before an earlier one.
            chain = chain.chain(() -> tx.preparedQuery("UPDATE outbox_event SET delivered_at = statement_timestamp(),"
                                    + " attempts = attempts + 1, last_error = NULL WHERE id = ANY($1)")
                            .execute(Tuple.of(delivered.toArray(new UUID[0]))))
                    .replaceWithVoid();
        }
        if (!failed.isEmpty()) {
            chain = chain.chain(() -> tx.preparedQuery("UPDATE outbox_event SET attempts = attempts + 1,"
                                    + " last_error = $2, next_attempt_at = now() + $3::bigint * interval '1 millisecond',"
                                    + " dead_at = CASE WHEN attempts + 1 >= $4 THEN clock_timestamp() END"
                                    + " WHERE id = $1")
                            .executeBatch(failed))
                    .replaceWithVoid();
        }
        if (!dead.isEmpty()) {
            chain = chain.chain(() -> tx.preparedQuery("UPDATE outbox_event SET attempts = attempts + 1,"
                                    + " last_error = $2, dead_at = clock_timestamp() WHERE id = $1")
                            .executeBatch(dead))
                    .replaceWithVoid();
        }
        if (!unreachable.isEmpty()) {
            // not an attempt of the event: attempts (and so its backoff and dead-lettering) stay as they were
            chain = chain.chain(() -> tx.preparedQuery("UPDATE outbox_event SET last_error = $2,"
                                    + " next_attempt_at = now() + $3::bigint * interval '1 millisecond' WHERE id = $1")
                            .executeBatch(unreachable))
                    .replaceWithVoid();
        }
        return chain;
    }

    /** Dead events after {@code afterSeq}, oldest first. */
    public Uni<List<DeadEvent>> dead(long afterSeq, int limit) {
        return pool.preparedQuery("SELECT id, seq, aggregate_type, aggregate_id, event_type, attempts, last_error,"
                        + " created_at, dead_at FROM outbox_event WHERE dead_at IS NOT NULL AND seq > $1"
                        + " ORDER BY seq LIMIT $2")
                .execute(Tuple.of(afterSeq, (long) limit))
                .map(rows -> {
                    List<DeadEvent> out = new ArrayList<>();
                    rows.forEach(row -> out.add(new DeadEvent(
                            row.getUUID("id"),
                            row.getLong("seq"),
                            row.getString("aggregate_type"),
                            row.getString("aggregate_id"),
                            row.getString("event_type"),
                            row.getInteger("attempts"),
                            row.getString("last_error"),
                            row.getOffsetDateTime("created_at"),
                            row.getOffsetDateTime("dead_at"))));
                    return out;
                });
    }

    /** Puts one dead event back in line (attempts reset); empty when no such dead event. */
    public Uni<Optional<UUID>> retryDead(UUID id) {
        return pool.preparedQuery(RETRY + " AND id = $1 RETURNING id")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0
                        ? Optional.<UUID>empty()
                        : Optional.of(rows.iterator().next().getUUID("id")));
    }

    /** Puts every dead event back in line; the number of events. */
    public Uni<Integer> retryAllDead() {
        return pool.query(RETRY).execute().map(rows -> rows.rowCount());
    }

    private static final String RETRY = "UPDATE outbox_event SET dead_at = NULL, attempts = 0, last_error = NULL,"
            + " next_attempt_at = now() WHERE dead_at IS NOT NULL";

    /** Undelivered count, oldest undelivered age (ms, 0 when none) and dead count. */
    public Uni<OutboxStats> stats() {
        return pool.query("SELECT (SELECT count(*) FROM outbox_event WHERE delivered_at IS NULL AND dead_at IS NULL)"
                        + " AS undelivered, (SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)) * 1000, 0)"
                        + " FROM outbox_event WHERE delivered_at IS NULL AND dead_at IS NULL)::bigint AS oldest_ms,"
                        + " (SELECT count(*) FROM outbox_event WHERE dead_at IS NOT NULL) AS dead")
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new OutboxStats(row.getLong("undelivered"), row.getLong("oldest_ms"), row.getLong("dead"));
                });
    }

    private OutboxRecord toRecord(Row row) {
        return new OutboxRecord(
                row.getUUID("id"),
                row.getLong("seq"),
                row.getString("aggregate_type"),
                row.getString("aggregate_id"),
                row.getString("event_type"),
                row.getShort("schema_version"),
                read(row.getString("payload")),
                read(row.getString("trace_context")),
                row.getOffsetDateTime("created_at"),
                row.getInteger("attempts"));
    }

    private JsonNode read(String json) {
        try {
            return json == null ? mapper.nullNode() : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable jsonb from PostgreSQL", e);
        }
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
