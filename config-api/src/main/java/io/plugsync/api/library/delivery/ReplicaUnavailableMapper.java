package io.plugsync.api.library.delivery;

import io.plugsync.common.http.ProblemResponses;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link ReplicaUnavailableException} -> 503 problem document with {@code Retry-After}. */
@Provider
public class ReplicaUnavailableMapper implements ExceptionMapper<ReplicaUnavailableException> {
    @Override
    public Response toResponse(ReplicaUnavailableException exception) {
        return Response.fromResponse(ProblemResponses.of(exception.problem()))
                .header(HttpHeaders.RETRY_AFTER, ReplicaUnavailableException.RETRY_AFTER_SECONDS)
                .build();
    }
}
