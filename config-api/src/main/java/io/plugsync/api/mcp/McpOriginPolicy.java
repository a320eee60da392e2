package io.plugsync.api.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a request's {@code Origin} may use the MCP endpoint. Clients that are processes
 * send no Origin and are allowed; a browser page from a foreign site is refused (DNS rebinding and
 * cross-site requests), whatever token it carries.
 */
public final class McpOriginPolicy {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final List<String> allowed;
    private final boolean allowLocalhost;
    private final boolean allowSameOrigin;

    public McpOriginPolicy(List<String> allowed, boolean allowLocalhost, boolean allowSameOrigin) {
        this.allowed = allowed.stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .toList();
        this.allowLocalhost = allowLocalhost;
        this.allowSameOrigin = allowSameOrigin;
    }

    public static McpOriginPolicy of(McpConfig config) {
        return new McpOriginPolicy(
                config.allowedOrigins().orElse(List.of()), config.allowLocalhostOrigins(), config.allowSameOrigin());
    }

    /** {@code origin} is the Origin header (null when absent), {@code host} the Host header. */
    public boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        URI uri;
        try {
            uri = new URI(normalized);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            // includes the literal "null" origin of sandboxed frames and file:// pages
            return false;
        }
        if (allowLocalhost && LOOPBACK.contains(uri.getHost())) {
            return true;
        }
        if (allowSameOrigin && host != null && authority(uri).equals(host.trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String entry : allowed) {
            if (entry.equals(normalized)) {
                return true;
            }
            if (entry.endsWith(":*")
                    && (uri.getScheme() + "://" + uri.getHost()).equals(entry.substring(0, entry.length() - 2))) {
                return true;
            }
        }
        return false;
    }

    private static String authority(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
