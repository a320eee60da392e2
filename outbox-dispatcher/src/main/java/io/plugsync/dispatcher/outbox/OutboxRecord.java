package io.plugsync.dispatcher.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A claimed outbox row, as a handler sees it. */
public record OutboxRecord(
        UUID id,
        long seq,
        String aggregateType,
        String aggregateId,
        String eventType,
        JsonNode payload,
        JsonNode traceContext,
        OffsetDateTime createdAt,
        int attempts) {}
