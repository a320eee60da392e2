package io.plugsync.api.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rejects a request whose declared {@code Content-Length} exceeds {@code
 * quarkus.http.limits.max-body-size} with a 413 problem document before its body is read (the
 * server's own limit answers with an empty body).
 */
@ApplicationScoped
public class BodyLimitFilter {
    private final long limit;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long length = -1;
            if (declared != null) {
                try {
                    length = Long.parseLong(declared.trim());
                } catch (NumberFormatException e) {
                    length = -1;
                }
            }
            if (length > limit) {
                ctx.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(
                                "{\"type\":\"https://plugsync.io/problems/body-too-large\",\"title\":\"Payload too large\","
                                        + "\"status\":413,\"detail\":\"the request body exceeds " + limit + " bytes\","
                                        + "\"max_body_size\":" + limit + "}");
                return;
            }
            ctx.next();
        });
    }
}
