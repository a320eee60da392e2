package io.plugsync.common.delivery;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a delivered config object lands in an installed plugin: the layout plugin hosts expect
 * ({@code skills/<name>/SKILL.md}, {@code commands/<name>.md}, {@code agents/<name>.md}, ...),
 * whatever the object's source. One rule for every consumer (the CLI's {@code plugins pull}, the
 * API, agents), so two readers never install the same plugin differently.
 */
public final class DeliveredFiles {
    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9._-]+");

    private DeliveredFiles() {}

    /**
     * @param objectType the wire type ({@code skill}, {@code mcp}, ...)
     * @param slug the object's slug (may be null)
     * @param fileName the current file name for connector-managed objects (may be null)
     * @param fallback used when there is neither slug nor file name (the object id)
     */
    public static String path(String objectType, String slug, String fileName, String fallback) {
        String name = safe(slug != null && !slug.isBlank() ? slug : stem(fileName, fallback));
        return switch (objectType) {
            case "skill" -> "skills/" + name + "/SKILL.md";
            case "command" -> "commands/" + name + ".md";
            case "agent" -> "agents/" + name + ".md";
            case "context" -> "context/" + name + ".md";
            case "mcp" -> "mcp/" + name + ".json";
            case "hook" -> "hooks/" + name + ".json";
            default -> "custom/" + (fileName != null && !fileName.isBlank() ? safe(fileName) : name);
        };
    }

    private static String stem(String fileName, String fallback) {
        if (fileName == null || fileName.isBlank() || fileName.equalsIgnoreCase("SKILL.md")) {
            return fallback;
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Lower case, no separators or traversal: a path segment that cannot leave its directory. */
    static String safe(String segment) {
        String cleaned = UNSAFE.matcher(segment.toLowerCase(Locale.ROOT)).replaceAll("-");
        cleaned = cleaned.replaceAll("^[.-]+", "");
        return cleaned.isEmpty() ? "unnamed" : cleaned;
    }
}
