package io.plugsync.ingest.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15), new Random(7));

    @Test
    void retryAfterWins() {
        assertThat(policy.delay(1, headers(Map.of("Retry-After", "42")), NOW)).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void exhaustedPrimaryLimitWaitsForTheReset() {
        HttpHeaders limited = headers(
                Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 120)));
        assertThat(policy.delay(1, limited, NOW)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void waitsAreCappedAtFifteenMinutes() {
        assertThat(policy.delay(1, headers(Map.of("Retry-After", "86400")), NOW))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.delay(40, headers(Map.of()), NOW)).isLessThanOrEqualTo(Duration.ofMinutes(15));
    }

    @RepeatedTest(20)
    void backoffIsJitteredWithinItsWindow() {
        long seed = System.nanoTime();
        RetryPolicy seeded = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15), new Random(seed));
        for (int attempt = 1; attempt <= 6; attempt++) {
            long ceiling = 1000L << (attempt - 1);
            assertThat(seeded.backoff(attempt).toMillis())
                    .as("seed %d attempt %d", seed, attempt)
                    .isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void whatIsRetryable() {
        assertThat(RetryPolicy.retryable(429, headers(Map.of()), "")).isTrue();
        assertThat(RetryPolicy.retryable(503, headers(Map.of()), "")).isTrue();
        assertThat(RetryPolicy.retryable(403, headers(Map.of()), "You have exceeded a secondary rate limit"))
                .isTrue();
        assertThat(RetryPolicy.retryable(403, headers(Map.of("X-RateLimit-Remaining", "0")), ""))
                .isTrue();
        assertThat(RetryPolicy.retryable(403, headers(Map.of()), "Resource not accessible by integration"))
                .isFalse();
        assertThat(RetryPolicy.retryable(404, headers(Map.of()), "")).isFalse();
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        values.forEach((k, v) -> map.put(k, List.of(v)));
        return HttpHeaders.of(map, (a, b) -> true);
    }
}
