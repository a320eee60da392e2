package io.plugsync.api.mcp;

import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.TokenCaller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current MCP request, from the bearer token the HTTP request carried. */
@ApplicationScoped
public class McpCallers {
    private final SecurityIdentity identity;

    public McpCallers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return TokenCaller.from(token);
        }
        // no verified token: a caller of no organisation sees nothing
        return new Caller(identity.isAnonymous() ? "" : identity.getPrincipal().getName(), Map.of());
    }
}
