package io.plugsync.common.library;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.outbox.OutboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashMap;

/** Appends library change events to the transactional outbox, in the caller's transaction. */
public final class LibraryOutbox {
    private LibraryOutbox() {}

    public static Uni<Void> append(SqlClient db, OutboxEvent event) {
        return db.preparedQuery(
                        "INSERT INTO outbox_event (aggregate_type, aggregate_id, event_type, payload, trace_context)"
                                + " VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)")
                .execute(Tuple.of(
                        event.aggregateType(),
                        event.aggregateId(),
                        event.eventType(),
                        new JsonObject(event.payload().toString()),
                        new JsonObject(new HashMap<String, Object>(event.traceContext()))))
                .replaceWithVoid();
    }

    /** A payload builder for library events. */
    public static ObjectNode payload() {
        return ConfigParsers.JSON.createObjectNode();
    }
}
