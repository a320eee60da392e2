package io.plugsync.api.http;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemResponses;
import io.vertx.pgclient.PgException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * A database error that no rule anticipated: the transaction rolled back, so nothing changed. The
 * caller gets a problem document (503 for serialisation failures and deadlocks, which a retry
 * fixes; 500 otherwise) and the log gets the details.
 */
@Provider
public class DatabaseErrorMapper implements ExceptionMapper<PgException> {
    private static final Logger LOG = Logger.getLogger(DatabaseErrorMapper.class);

    @Override
    public Response toResponse(PgException exception) {
        String state = exception.getSqlState();
        if ("40001".equals(state) || "40P01".equals(state)) {
            return ProblemResponses.of(
                    Problem.of(503, "retry", "Service unavailable", "a concurrent change interfered; retry the request")
                            .with("sql_state", state));
        }
        LOG.errorf(exception, "database error %s", state);
        return ProblemResponses.of(Problem.of(
                500, "database-error", "Internal server error", "the change was rolled back; nothing was written"));
    }
}
