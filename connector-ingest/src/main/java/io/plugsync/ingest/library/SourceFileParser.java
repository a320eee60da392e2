package io.plugsync.ingest.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Type parsing and metadata projection for repository files: a skill is a markdown file with
 * frontmatter {@code name} (kebab-case, at most 64 chars) and {@code description} (at most 1024
 * chars); an mcp is a JSON object; other types are UTF-8 text with optional frontmatter.
 */
public final class SourceFileParser {
    static final int MAX_BYTES = 1024 * 1024;
    private static final Pattern SKILL_NAME = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private final ObjectMapper json;

    public SourceFileParser(ObjectMapper json) {
        this.json = json;
    }

    public ParsedSource parse(String objectType, String path, byte[] content) throws SourceParseException {
        if (content.length > MAX_BYTES) {
            throw new SourceParseException("file is larger than " + MAX_BYTES + " bytes");
        }
        String text = utf8(content);
        String stem = stem(path);
        ObjectNode payload = json.createObjectNode().put("type", objectType).put("path", path);
        return switch (objectType) {
            case "skill" -> skill(path, text, payload);
            case "mcp" -> mcp(path, text, stem, payload);
            default -> {
                Map<String, String> front = frontmatter(text, false);
                String title = front.getOrDefault("title", front.getOrDefault("name", stem));
                String description = front.get("description");
                ObjectNode fm = payload.putObject("frontmatter");
                front.forEach(fm::put);
                payload.put("body", body(text));
                yield new ParsedSource(title, description, join(title, description, path), payload);
            }
        };
    }

    private ParsedSource skill(String path, String text, ObjectNode payload) throws SourceParseException {
        Map<String, String> front = frontmatter(text, true);
        String name = front.get("name");
        String description = front.get("description");
        if (name == null || !SKILL_NAME.matcher(name).matches() || name.length() > 64) {
            throw new SourceParseException("skill frontmatter 'name' must match " + SKILL_NAME + " (<= 64 chars)");
        }
        if (description == null || description.isBlank() || description.length() > 1024) {
            throw new SourceParseException("skill frontmatter 'description' is required (<= 1024 chars)");
        }
        ObjectNode fm = payload.putObject("frontmatter");
        front.forEach(fm::put);
        payload.put("body", body(text));
        return new ParsedSource(name, description, join(name, description, path), payload);
    }

    private ParsedSource mcp(String path, String text, String stem, ObjectNode payload) throws SourceParseException {
        JsonNode config;
        try {
            config = json.readTree(text);
        } catch (IOException e) {
            throw new SourceParseException("mcp file is not valid JSON");
        }
        if (config == null || !config.isObject()) {
            throw new SourceParseException("mcp file must be a JSON object");
        }
        String title = config.path("name").asText(stem);
        String description = config.path("description").asText(null);
        payload.set("config", config);
        return new ParsedSource(title, description, join(title, description, path), payload);
    }

    /** Simple {@code key: value} frontmatter between {@code ---} lines. */
    static Map<String, String> frontmatter(String text, boolean required) throws SourceParseException {
        Map<String, String> out = new LinkedHashMap<>();
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            if (required) {
                throw new SourceParseException("frontmatter (--- ... ---) is required");
            }
            return out;
        }
        int end = normalized.indexOf("\n---", 3);
        if (end < 0) {
            throw new SourceParseException("frontmatter is not closed by ---");
        }
        for (String line : normalized.substring(4, end).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new SourceParseException("frontmatter line is not 'key: value': " + abbreviate(line));
            }
            out.put(
                    line.substring(0, colon).trim(),
                    unquote(line.substring(colon + 1).trim()));
        }
        return out;
    }

    private static String body(String text) {
        String normalized = text.replace("\r\n", "\n");
        if (normalized.startsWith("---\n")) {
            int end = normalized.indexOf("\n---", 3);
            int next = end < 0 ? -1 : normalized.indexOf('\n', end + 4);
            return next < 0 ? "" : normalized.substring(next + 1);
        }
        return normalized;
    }

    private static String utf8(byte[] content) throws SourceParseException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SourceParseException("file is not UTF-8 text");
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && ((value.startsWith("\"") && value.endsWith("\""))
                        || (value.startsWith("'") && value.endsWith("'")))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static String join(String title, String description, String path) {
        return title + (description == null ? "" : " " + description) + " " + path;
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }
}
