package io.plugsync.common.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MCP server configuration as JSON: {@code {"mcpServers": {name: server}}} (Claude),
 * {@code {"servers": {...}}} (VS Code) or one server with a {@code name}. A server is local
 * ({@code command}, optional {@code args}, {@code env}) or remote ({@code url} http(s), optional
 * {@code headers}). Normalized to {@code {"servers": {...}}}.
 */
final class McpType {
    private static final Pattern SERVER_NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");
    private static final Set<String> TRANSPORTS = Set.of("stdio", "http", "sse", "streamable-http");

    private McpType() {}

    static ParsedConfig parse(ConfigSource source, Issues issues) {
        JsonNode root = readObject(source.content(), issues);
        if (root == null) {
            return null;
        }
        ObjectNode servers = ConfigParsers.JSON.createObjectNode();
        String mapKey = root.has("mcpServers") ? "mcpServers" : root.has("servers") ? "servers" : null;
        if (mapKey != null) {
            JsonNode map = root.get(mapKey);
            if (!map.isObject() || map.isEmpty()) {
                issues.add("/content/" + mapKey, "an object with at least one server", "type");
                return null;
            }
            map.fields().forEachRemaining(e -> {
                String pointer = "/content/" + mapKey + "/" + Issues.segment(e.getKey());
                if (!SERVER_NAME.matcher(e.getKey()).matches()) {
                    issues.add(pointer, "server names are 1 to 64 letters, digits, '.', '_' or '-'", "pattern");
                }
                checkServer(e.getValue(), pointer, issues);
                servers.set(e.getKey(), e.getValue());
            });
        } else {
            JsonNode name = root.get("name");
            if (name == null
                    || !name.isTextual()
                    || !SERVER_NAME.matcher(name.asText()).matches()) {
                issues.add(
                        "/content/name",
                        "a single server needs a name of 1 to 64 letters, digits, '.', '_' or '-'"
                                + " (or wrap servers in mcpServers)",
                        "required");
            }
            ObjectNode server = root.deepCopy();
            server.remove("name");
            server.remove("description");
            checkServer(server, "/content", issues);
            if (name != null && name.isTextual()) {
                servers.set(name.asText(), server);
            }
        }
        JsonNode description = root.get("description");
        if (description != null
                && (!description.isTextual() || description.asText().length() > ConfigParsers.MAX_DESCRIPTION)) {
            issues.add(
                    "/content/description",
                    "a string of at most " + ConfigParsers.MAX_DESCRIPTION + " characters",
                    "type");
        }
        if (!issues.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<String> words = new ArrayList<>();
        servers.fields().forEachRemaining(e -> {
            names.add(e.getKey());
            words.add(e.getKey());
            words.add(e.getValue().path("command").asText(null));
            words.add(e.getValue().path("url").asText(null));
        });
        String title = source.titleHint() != null ? source.titleHint() : String.join(", ", names);
        String shown = description != null ? description.asText() : "MCP servers: " + String.join(", ", names);
        ObjectNode payload = ConfigParsers.JSON.createObjectNode();
        payload.set("servers", servers);
        return new ParsedConfig(
                ObjectType.MCP,
                payload,
                source.content(),
                ConfigParsers.projection(
                        source,
                        ".mcp.json",
                        title,
                        shown,
                        null,
                        Text.search(
                                title,
                                shown,
                                String.join(
                                        " ",
                                        words.stream().filter(w -> w != null).toList()))));
    }

    static JsonNode readObject(String content, Issues issues) {
        try {
            JsonNode root = ConfigParsers.JSON.readTree(content);
            if (root == null || !root.isObject()) {
                issues.add("/content", "must be a JSON object", "type");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            issues.add("/content", "not valid JSON: " + e.getOriginalMessage(), "json");
            return null;
        }
    }

    private static void checkServer(JsonNode server, String pointer, Issues issues) {
        if (!server.isObject()) {
            issues.add(pointer, "a server is a JSON object", "type");
            return;
        }
        JsonNode command = server.get("command");
        JsonNode url = server.get("url");
        if ((command == null) == (url == null)) {
            issues.add(pointer, "a server has exactly one of command (local) or url (remote)", "one-of");
        }
        if (command != null && (!command.isTextual() || command.asText().isBlank())) {
            issues.add(pointer + "/command", "a non-blank string", "type");
        }
        if (url != null && !httpUrl(url)) {
            issues.add(pointer + "/url", "an http or https URL", "url");
        }
        JsonNode args = server.get("args");
        if (args != null && (!args.isArray() || !allText(args))) {
            issues.add(pointer + "/args", "an array of strings", "type");
        }
        for (String field : List.of("env", "headers")) {
            JsonNode map = server.get(field);
            if (map != null && (!map.isObject() || !allText(map))) {
                issues.add(pointer + "/" + field, "an object of string values", "type");
            }
        }
        JsonNode type = server.get("type");
        if (type != null && (!type.isTextual() || !TRANSPORTS.contains(type.asText()))) {
            issues.add(
                    pointer + "/type",
                    "one of " + String.join(", ", TRANSPORTS.stream().sorted().toList()),
                    "enum");
        }
    }

    private static boolean allText(JsonNode node) {
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static boolean httpUrl(JsonNode url) {
        if (!url.isTextual()) {
            return false;
        }
        try {
            URI uri = URI.create(url.asText());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
