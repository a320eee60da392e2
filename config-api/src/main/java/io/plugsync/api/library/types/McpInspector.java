package io.plugsync.api.library.types;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a stored MCP payload ({@code {"servers": {name: server}}}, as {@code McpType} normalized
 * it) without running or contacting anything. A live connection test is deliberately not offered:
 * it would make the API reach arbitrary URLs from inside the cluster (SSRF) or run arbitrary
 * commands (stdio servers).
 */
final class McpInspector {
    /** {@code ${NAME}}, {@code ${env:NAME}}, with an optional {@code :-default}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?}");

    private static final Set<String> REMOTE = Set.of("http", "sse", "streamable-http");
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "x-api-key", "api-key");

    private McpInspector() {}

    static McpInstallCheck inspect(UUID objectId, UUID versionId, JsonNode payload) {
        List<McpInstallCheck.Server> servers = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = payload.path("servers").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            servers.add(server(e.getKey(), e.getValue()));
        }
        boolean installable = !servers.isEmpty()
                && servers.stream().allMatch(s -> s.problems().isEmpty());
        return new McpInstallCheck(objectId, versionId, installable, servers);
    }

    private static McpInstallCheck.Server server(String name, JsonNode server) {
        String command = text(server.get("command"));
        String url = text(server.get("url"));
        String declared = text(server.get("type"));
        String transport = declared != null ? declared : command != null ? "stdio" : "http";
        List<String> args = new ArrayList<>();
        server.path("args").forEach(a -> args.add(a.asText()));
        Set<String> required = new TreeSet<>();
        Set<String> optional = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        references(command, required, optional);
        args.forEach(a -> references(a, required, optional));
        references(url, required, optional);
        server.path("env").fields().forEachRemaining(env -> {
            String value = env.getValue().asText();
            if (value.isEmpty()) {
                required.add(env.getKey());
            }
            references(value, required, optional);
        });
        server.path("headers").fields().forEachRemaining(header -> {
            String value = header.getValue().asText();
            references(value, required, optional);
            if (CREDENTIAL_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))
                    && !REFERENCE.matcher(value).find()) {
                warnings.add("header " + header.getKey()
                        + " holds a literal credential; reference an environment variable (${NAME}) instead");
            }
        });
        optional.removeAll(required);

        if ("stdio".equals(transport) && command == null) {
            problems.add("transport stdio needs a command");
        }
        if (REMOTE.contains(transport) && url == null) {
            problems.add("transport " + transport + " needs a url");
        }
        List<String> provide = new ArrayList<>();
        if (command != null) {
            provide.add("the executable '" + command + "' on the client's PATH");
        }
        if (url != null) {
            provide.add("network access to " + origin(url));
            if (url.startsWith("http://") && !loopback(url)) {
                warnings.add("the url is plain http: traffic and credentials travel unencrypted");
            }
        }
        required.forEach(v -> provide.add("environment variable " + v));
        return new McpInstallCheck.Server(
                name,
                transport,
                command,
                args,
                url,
                List.copyOf(required),
                List.copyOf(optional),
                provide,
                problems,
                warnings);
    }

    private static void references(String value, Set<String> required, Set<String> optional) {
        if (value == null) {
            return;
        }
        Matcher m = REFERENCE.matcher(value);
        while (m.find()) {
            (m.group(2) == null ? required : optional).add(m.group(1));
        }
    }

    private static String origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() != null) {
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            }
        } catch (IllegalArgumentException e) {
            // not a URI: show it as stored
        }
        return url;
    }

    private static boolean loopback(String url) {
        String origin = origin(url);
        return origin.startsWith("http://localhost") || origin.startsWith("http://127.0.0.1");
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
