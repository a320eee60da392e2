package io.plugsync.dispatcher.outbox;

/** A delivery that can never succeed (malformed payload, unknown event type): parked dead at once. */
public class PermanentDeliveryException extends RuntimeException {
    public PermanentDeliveryException(String message) {
        super(message);
    }
}
