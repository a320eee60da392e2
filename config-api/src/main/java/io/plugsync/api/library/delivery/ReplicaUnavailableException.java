package io.plugsync.api.library.delivery;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;

/**
 * The library replica (DynamoDB) did not answer, or its table is not there yet: a 503 the caller
 * retries after {@link #RETRY_AFTER_SECONDS}. Nothing is read from PostgreSQL instead.
 */
public class ReplicaUnavailableException extends ProblemException {
    static final int RETRY_AFTER_SECONDS = 5;

    public ReplicaUnavailableException(String detail) {
        super(Problem.of(503, "library-replica-unavailable", "Service unavailable", detail)
                .with("retry_after_seconds", RETRY_AFTER_SECONDS));
    }
}
