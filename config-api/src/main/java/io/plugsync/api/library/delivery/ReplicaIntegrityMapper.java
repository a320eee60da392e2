package io.plugsync.api.library.delivery;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemResponses;
import io.plugsync.common.replica.ReplicaIntegrityException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * A replica item that does not open or does not match its checksum: never served, logged for an
 * operator (the dispatcher's next delivery of the plugin rewrites it).
 */
@Provider
public class ReplicaIntegrityMapper implements ExceptionMapper<ReplicaIntegrityException> {
    private static final Logger LOG = Logger.getLogger(ReplicaIntegrityMapper.class);

    @Override
    public Response toResponse(ReplicaIntegrityException exception) {
        LOG.errorf(exception, "library replica integrity failure");
        return ProblemResponses.of(Problem.of(
                500,
                "library-replica-integrity",
                "Internal server error",
                "a delivered plugin failed its integrity check and was not served"));
    }
}
