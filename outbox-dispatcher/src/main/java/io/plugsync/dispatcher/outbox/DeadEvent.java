package io.plugsync.dispatcher.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A parked event, as the admin API lists it. */
public record DeadEvent(
        UUID id,
        long seq,
        String aggregateType,
        String aggregateId,
        String eventType,
        int attempts,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime deadAt) {}
