package io.plugsync.dispatcher.outbox;

/** What happened to one claimed event. */
public sealed interface Outcome {
    OutboxRecord event();

    record Delivered(OutboxRecord event) implements Outcome {}

    /** Failed; retried after {@code retryAfterMillis} unless attempts are exhausted. */
    record Failed(OutboxRecord event, String error, long retryAfterMillis) implements Outcome {}

    record Dead(OutboxRecord event, String error) implements Outcome {}

    /**
     * DynamoDB or SQS could not be reached ({@link Unavailable}): retried after {@code
     * retryAfterMillis}, not counted as an attempt, never dead.
     */
    record Unreachable(OutboxRecord event, String error, long retryAfterMillis) implements Outcome {}
}
