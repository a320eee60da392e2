package io.plugsync.api.source;

import java.util.Optional;

/**
 * Glob selectors of path mappings, e.g. {@code /sales/skills/**}: absolute, '/'-separated, no empty,
 * '.' or '..' segments; '*' and '?' match inside a segment, '**' only as a whole segment; balanced
 * '[...]' and '{...}'; printable characters only.
 */
public final class Selectors {
    public static final int MAX_LENGTH = 500;

    private Selectors() {}

    /** Why the selector is invalid, or empty when it is valid. */
    public static Optional<String> problem(String selector) {
        if (selector == null || selector.isEmpty()) {
            return Optional.of("required");
        }
        if (selector.length() > MAX_LENGTH) {
            return Optional.of("at most " + MAX_LENGTH + " characters");
        }
        if (!selector.startsWith("/")) {
            return Optional.of("must start with '/' (paths are relative to the target's root)");
        }
        for (char c : selector.toCharArray()) {
            if (Character.isISOControl(c) || c == '\\') {
                return Optional.of("contains a control character or a backslash");
            }
        }
        String body = selector.equals("/") ? "" : selector.substring(1);
        if (body.isEmpty()) {
            return Optional.of("must name at least one path segment (use /** for everything)");
        }
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty()) {
                return Optional.of("has an empty path segment ('//' or a trailing '/')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("'.' and '..' segments are not allowed");
            }
            if (segment.contains("**") && !segment.equals("**")) {
                return Optional.of("'**' must be a whole path segment");
            }
            if (!balanced(segment, '[', ']') || !balanced(segment, '{', '}')) {
                return Optional.of("unbalanced '[' or '{' in segment '" + segment + "'");
            }
        }
        return Optional.empty();
    }

    private static boolean balanced(String segment, char open, char close) {
        int depth = 0;
        for (char c : segment.toCharArray()) {
            if (c == open) {
                depth++;
                if (open == '[' && depth > 1) {
                    return false;
                }
            } else if (c == close) {
                depth--;
                if (depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
