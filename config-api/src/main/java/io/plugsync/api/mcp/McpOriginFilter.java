package io.plugsync.api.mcp;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Refuses {@code /mcp} requests from origins the {@link McpOriginPolicy} does not allow, with 403. */
@ApplicationScoped
public class McpOriginFilter {
    private static final Logger LOG = Logger.getLogger(McpOriginFilter.class);
    // runs before authentication and the MCP endpoint
    private static final int PRIORITY = 1_000;

    private final McpOriginPolicy policy;

    public McpOriginFilter(McpConfig config) {
        this.policy = McpOriginPolicy.of(config);
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (!(path.equals("/mcp") || path.startsWith("/mcp/"))) {
            rc.next();
            return;
        }
        String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
        if (policy.allows(origin, rc.request().getHeader(HttpHeaders.HOST))) {
            rc.next();
            return;
        }
        LOG.debugf("refused MCP request from origin %s", origin);
        JsonObject error = new JsonObject()
                .put("jsonrpc", "2.0")
                .putNull("id")
                .put("error", new JsonObject().put("code", -32600).put("message", "Origin not allowed: " + origin));
        rc.response()
                .setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(error.encode());
    }
}
