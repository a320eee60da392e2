package io.plugsync.common.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashMap;
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
        return append(db, payload, Map.of());
    }

    /**
     * Appends an event.
     *
     * @param traceContext W3C trace context ({@code traceparent}, {@code tracestate}) of the writer,
     *     so one trace spans the write and its delivery
     */
    public static Uni<Void> append(SqlClient db, OutboxPayload payload, Map<String, String> traceContext) {
        return db.preparedQuery(INSERT + " VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)")
                .execute(row(payload).addValue(new JsonObject(new HashMap<String, Object>(traceContext))))
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
