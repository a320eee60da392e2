package io.plugsync.dispatcher.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.common.outbox.OutboxPayload;
import io.plugsync.common.outbox.UndecodableEventException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A claimed outbox row, as a handler sees it. */
public record OutboxRecord(
        UUID id,
        long seq,
        String aggregateType,
        String aggregateId,
        String eventType,
        int schemaVersion,
        JsonNode payload,
        JsonNode traceContext,
        OffsetDateTime createdAt,
        int attempts) {

    /**
     * The payload as its contract record. A payload no dispatcher will ever read (unknown type,
     * malformed) is a {@link PermanentDeliveryException}; a newer schema version fails retryably, so
     * the event waits for a dispatcher that knows it.
     */
    public OutboxPayload decode() {
        try {
            return OutboxContract.decode(aggregateType, eventType, schemaVersion, payload);
        } catch (UndecodableEventException e) {
            if (e.retryable()) {
                throw e;
            }
            throw new PermanentDeliveryException(e.getMessage());
        }
    }
}
