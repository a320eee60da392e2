package io.plugsync.ingest.github;

import java.time.Duration;
import java.util.Optional;

/** A GitHub call that failed for good, or that asks to be retried later than a worker should wait. */
public class GithubApiException extends RuntimeException {
    private final int status;
    private final transient Duration retryAfter;

    public GithubApiException(String message, int status, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** Present when GitHub asked to come back later (rate limit) or the failure is transient. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
