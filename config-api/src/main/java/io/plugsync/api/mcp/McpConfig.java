package io.plugsync.api.mcp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Which browser origins may call {@code /mcp} (MCP Streamable HTTP asks servers to check Origin). */
@ConfigMapping(prefix = "plugsync.mcp")
public interface McpConfig {
    /** Extra allowed origins, exact ({@code https://app.example.com}) or any port ({@code http://host:*}). */
    Optional<List<String>> allowedOrigins();

    /** Allow {@code localhost}, {@code 127.0.0.1} and {@code [::1]} origins (local tools, the dev dashboard). */
    @WithDefault("true")
    boolean allowLocalhostOrigins();

    /** Allow an origin whose host and port equal the request's {@code Host} (the dashboard served here). */
    @WithDefault("true")
    boolean allowSameOrigin();
}
