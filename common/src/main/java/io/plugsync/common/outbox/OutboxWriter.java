package io.plugsync.common.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends events to the transactional outbox, in the caller's transaction: the one insert every
 * Java producer uses (the connector publish writes its event inside the SQL function
 * {@code plugsync_publish_connector_version}, held to {@link ConnectorVersionPublished} by a test).
 */
public final class OutboxWriter {
    private static final String INSERT = "INSERT INTO outbox_event"
            + " (aggregate_type, aggregate_id, event_type, schema_version, payload, trace_context)";

    private OutboxWriter() {}

    /** Appends an event without a trace context. */
    public static Uni<Void> append(SqlClient db, OutboxPayload payload) {
        return appendAll(db, List.of(payload), Map.of());
    }

    /**
     * Appends an event.
     *
     * @param traceContext W3C trace context ({@code traceparent}, {@code tracestate}) of the writer,
     *     so one trace spans the write and its delivery
     */
    public static Uni<Void> append(SqlClient db, OutboxPayload payload, Map<String, String> traceContext) {
        return appendAll(db, List.of(payload), traceContext);
    }

    /** Appends events without a trace context, in list order (their {@code seq} follows it). */
    public static Uni<Void> appendAll(SqlClient db, List<? extends OutboxPayload> payloads) {
        return appendAll(db, payloads, Map.of());
    }

    /**
     * Appends events in one statement, in list order (their {@code seq} follows it), all with the
     * writer's trace context.
     */
    public static Uni<Void> appendAll(
            SqlClient db, List<? extends OutboxPayload> payloads, Map<String, String> traceContext) {
        if (payloads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = payloads.size();
        String[] aggregateTypes = new String[n];
        String[] aggregateIds = new String[n];
        String[] eventTypes = new String[n];
        Short[] schemaVersions = new Short[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            OutboxPayload payload = payloads.get(i);
            EventType<?> type = payload.eventType();
            aggregateTypes[i] = type.aggregateType();
            aggregateIds[i] = payload.aggregateId();
            eventTypes[i] = type.name();
            schemaVersions[i] = (short) type.schemaVersion();
            bodies[i] = OutboxContract.encode(payload).toString();
        }
        return db.preparedQuery(INSERT + " SELECT t, a, e, v, p::jsonb, $6::jsonb"
                        + " FROM unnest($1::text[], $2::text[], $3::text[], $4::int2[], $5::text[])"
                        + " WITH ORDINALITY AS u(t, a, e, v, p, n) ORDER BY n")
                .execute(Tuple.of(
                        aggregateTypes,
                        aggregateIds,
                        eventTypes,
                        schemaVersions,
                        bodies,
                        new JsonObject(new HashMap<String, Object>(traceContext))))
                .replaceWithVoid();
    }

    /**
     * Appends an event unless its aggregate already has one in line (drift repair: a repair never
     * overtakes or duplicates a pending delivery). True when appended.
     */
    public static Uni<Boolean> appendIfIdle(SqlClient db, OutboxPayload payload) {
        return db.preparedQuery(INSERT + " SELECT $1, $2, $3, $4, $5::jsonb, '{}'::jsonb"
                        + " WHERE NOT EXISTS (SELECT 1 FROM outbox_event WHERE aggregate_type = $1"
                        + " AND aggregate_id = $2 AND delivered_at IS NULL AND dead_at IS NULL)")
                .execute(row(payload))
                .map(rows -> rows.rowCount() == 1);
    }

    private static Tuple row(OutboxPayload payload) {
        EventType<?> type = payload.eventType();
        return Tuple.of(
                type.aggregateType(),
                payload.aggregateId(),
                type.name(),
                (short) type.schemaVersion(),
                new JsonObject(OutboxContract.encode(payload).toString()));
    }
}
