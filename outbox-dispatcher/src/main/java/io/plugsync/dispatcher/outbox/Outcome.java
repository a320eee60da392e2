package io.plugsync.dispatcher.outbox;

/** What happened to one claimed event. */
public sealed interface Outcome {
    OutboxRecord event();

    record Delivered(OutboxRecord event) implements Outcome {}

    /** Failed; retried after {@code retryAfterMillis} unless attempts are exhausted. */
    record Failed(OutboxRecord event, String error, long retryAfterMillis) implements Outcome {}

    record Dead(OutboxRecord event, String error) implements Outcome {}
}
