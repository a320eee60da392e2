package io.plugsync.common.library;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/**
 * Type-specific parsing of config object content into a normalized payload and the plaintext
 * projection. The same rules run for cloud writes (config-api) and connector syncs
 * (connector-ingest); invalid content throws {@link InvalidContentException} listing every problem.
 */
public final class ConfigParsers {
    /** Names of skills, agents and commands: lower-case words joined by single hyphens. */
    public static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    public static final int MAX_NAME = 64;
    public static final int MAX_DESCRIPTION = 1024;
    public static final int MAX_CONTENT_CHARS = 512 * 1024;
    public static final int MAX_PATH = 1000;

    static final ObjectMapper JSON = new ObjectMapper();

    private ConfigParsers() {}

    public static ParsedConfig parse(ObjectType type, ConfigSource source) {
        Issues issues = new Issues();
        checkCommon(source, issues);
        if (!issues.isEmpty()) {
            throw new InvalidContentException(type, issues.list());
        }
        ParsedConfig parsed = switch (type) {
            case SKILL -> MarkdownTypes.skill(source, issues);
            case AGENT -> MarkdownTypes.agent(source, issues);
            case COMMAND -> MarkdownTypes.command(source, issues);
            case CONTEXT -> MarkdownTypes.context(source, issues);
            case CUSTOM -> MarkdownTypes.custom(source, issues);
            case MCP -> McpType.parse(source, issues);
            case HOOK -> HookType.parse(source, issues);
        };
        if (!issues.isEmpty()) {
            throw new InvalidContentException(type, issues.list());
        }
        return parsed;
    }

    private static void checkCommon(ConfigSource source, Issues issues) {
        if (source.content() == null || source.content().isBlank()) {
            issues.add("/content", "required and not blank", "required");
        } else if (source.content().length() > MAX_CONTENT_CHARS) {
            issues.add("/content", "at most " + MAX_CONTENT_CHARS + " characters", "length");
        } else if (source.content().indexOf('\0') >= 0) {
            issues.add("/content", "must be text (contains a NUL character)", "text");
        }
        if (source.fileName() != null
                && (source.fileName().isBlank()
                        || source.fileName().length() > 255
                        || source.fileName().contains("/")
                        || source.fileName().contains("\\"))) {
            issues.add("/file_name", "a file name without slashes, 1 to 255 characters", "file-name");
        }
        if (source.relativePath() != null) {
            String path = source.relativePath();
            boolean traversal =
                    path.equals("..") || path.startsWith("../") || path.contains("/../") || path.endsWith("/..");
            if (path.isBlank() || path.length() > MAX_PATH || traversal || path.indexOf('\0') >= 0) {
                issues.add(
                        "/relative_path", "a path of 1 to " + MAX_PATH + " characters without '..' segments", "path");
            }
        }
        if (source.titleHint() != null
                && (source.titleHint().isBlank() || source.titleHint().length() > Projection.MAX_TITLE)) {
            issues.add("/title", "1 to " + Projection.MAX_TITLE + " characters", "length");
        }
    }

    /** Checks a skill/agent/command name; returns whether it is valid. */
    static boolean checkName(String name, String pointer, Issues issues) {
        if (Text.blank(name)) {
            issues.add(pointer, "required", "required");
            return false;
        }
        if (name.length() > MAX_NAME) {
            issues.add(pointer, "at most " + MAX_NAME + " characters", "length");
            return false;
        }
        if (!SLUG.matcher(name).matches()) {
            issues.add(
                    pointer,
                    "lower-case letters and digits in words joined by single hyphens (^[a-z0-9]+(-[a-z0-9]+)*$)",
                    "pattern");
            return false;
        }
        return true;
    }

    static void checkDescription(String description, String pointer, boolean required, Issues issues) {
        if (Text.blank(description)) {
            if (required) {
                issues.add(pointer, "required", "required");
            }
        } else if (description.length() > MAX_DESCRIPTION) {
            issues.add(pointer, "at most " + MAX_DESCRIPTION + " characters", "length");
        }
    }

    static Projection projection(
            ConfigSource source, String defaultFileName, String title, String description, String slug, String search) {
        String fileName = source.effectiveFileName() == null ? defaultFileName : source.effectiveFileName();
        return new Projection(
                title, description, search, slug, fileName, Text.extension(fileName), source.relativePath());
    }
}
