package io.plugsync.dispatcher.outbox;

import io.smallrye.mutiny.Uni;

/**
 * What a handler did with a run (consecutive claimed events of one aggregate, in order): the first
 * {@code delivered} events are delivered; the event right after them failed with {@code failure},
 * or, when {@code failure} is null, it and the rest were not attempted and stay in line untouched.
 * Events after a failed one are never attempted: they keep their place and their attempt count.
 */
public record RunResult(int delivered, Throwable failure) {
    public RunResult {
        if (delivered < 0) {
            throw new IllegalArgumentException("delivered must be >= 0");
        }
    }

    /** Every one of {@code size} events delivered. */
    public static RunResult all(int size) {
        return new RunResult(size, null);
    }

    /**
     * The outcome as a single delivery: completes when nothing failed, fails with the failure
     * otherwise (for handlers whose {@code deliver(event)} is a run of one).
     */
    public Uni<Void> asDelivery() {
        return failure == null ? Uni.createFrom().voidItem() : Uni.createFrom().failure(failure);
    }

    /** Events before {@code index} delivered, the one at {@code index} failed. */
    public static RunResult failedAt(int index, Throwable failure) {
        return new RunResult(index, failure);
    }
}
