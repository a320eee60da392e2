package io.plugsync.dispatcher.outbox;

import io.smallrye.mutiny.Uni;

/**
 * Delivers the events of one aggregate type. Implementations are CDI beans; the drainer picks the
 * one whose {@link #aggregateType()} matches the row, so new event kinds plug in without touching
 * the loop. Delivery is at least once: a handler must make a repeated delivery harmless.
 */
public interface OutboxHandler {
    String aggregateType();

    /**
     * Delivers one event. A failed Uni is retried with backoff; fail with {@link
     * PermanentDeliveryException} when retrying cannot help.
     */
    Uni<Void> deliver(OutboxRecord event);
}
