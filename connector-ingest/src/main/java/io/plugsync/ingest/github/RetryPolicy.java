package io.plugsync.ingest.github;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to retry a GitHub call and how long to wait: {@code Retry-After} first, then the rate-limit
 * reset time, else exponential backoff with jitter; never longer than the cap (15 minutes by
 * default).
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    public RetryPolicy(int maxAttempts, Duration base, Duration cap, RandomGenerator random) {
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** 429, 5xx, and 403s that are (primary or secondary) rate limits. */
    public static boolean retryable(int status, HttpHeaders headers, String body) {
        if (status == 429 || status >= 500) {
            return true;
        }
        if (status == 403) {
            return headers.firstValue("Retry-After").isPresent()
                    || headers.firstValue("X-RateLimit-Remaining")
                            .map("0"::equals)
                            .orElse(false)
                    || (body != null && body.toLowerCase().contains("rate limit"));
        }
        return false;
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
    public Duration delay(int attempt, HttpHeaders headers, Instant now) {
        Optional<Duration> told = headers.firstValue("Retry-After")
                .flatMap(RetryPolicy::seconds)
                .or(() -> headers.firstValue("X-RateLimit-Remaining")
                        .filter("0"::equals)
                        .flatMap(zero -> headers.firstValue("X-RateLimit-Reset"))
                        .flatMap(RetryPolicy::seconds)
                        .map(reset -> Duration.ofSeconds(Math.max(1, reset.toSeconds() - now.getEpochSecond()))));
        return min(told.orElseGet(() -> backoff(attempt)), cap);
    }

    /** Exponential backoff with "equal jitter": half fixed, half random. */
    public Duration backoff(int attempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(20, Math.max(0, attempt - 1)));
        long half = Math.max(1, ceiling / 2);
        return Duration.ofMillis(half + random.nextLong(half + 1));
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
