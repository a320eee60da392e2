package io.plugsync.dispatcher.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter: a random delay in [initial/2, min(max, initial * 2^n)]. */
public final class Backoff {
    private Backoff() {}

    /** Delay before the next attempt after {@code failures} failed ones (>= 1). */
    public static long millis(int failures, Duration initial, Duration max) {
        int exponent = Math.min(Math.max(failures - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << exponent);
        ceiling = Math.max(ceiling, 1);
        long floor = Math.min(initial.toMillis() / 2, ceiling);
        return floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1);
    }
}
