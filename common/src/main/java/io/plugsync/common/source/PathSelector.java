package io.plugsync.common.source;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The glob selector of a path mapping (e.g. {@code /sales/skills/**}) over a target's repository
 * paths: the one matching rule of the sync (which files a mapping takes) and of the admin API's
 * mapping previews (which files it would take). JDK {@link PathMatcher} glob semantics on the
 * selector with its leading slash stripped; repository paths carry no leading slash. Immutable and
 * thread-safe.
 *
 * <p>{@link #problem} is what the admin API accepts as a selector: absolute, '/'-separated, no
 * empty, '.' or '..' segments; '*' and '?' match inside a segment, '**' only as a whole segment;
 * balanced '[...]' and '{...}'; no control characters or backslashes.
 */
public final class PathSelector {
    public static final int MAX_LENGTH = 500;

    private static final String WILDCARDS = "*?[{";

    private final String selector;
    private final String glob;
    private final PathMatcher matcher;

    private PathSelector(String selector) {
        this.selector = selector;
        this.glob = selector.startsWith("/") ? selector.substring(1) : selector;
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    /**
     * The selector as stored; throws {@link java.util.regex.PatternSyntaxException} when it is no
     * glob at all (selectors the admin API accepted always are, see {@link #problem}).
     */
    public static PathSelector of(String selector) {
        return new PathSelector(selector);
    }

    /** Why {@code selector} is not one the admin API accepts, or empty when it is valid. */
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
        String body = selector.substring(1);
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

    public String selector() {
        return selector;
    }

    /** The glob matched against repository paths: the selector without its leading slash. */
    public String glob() {
        return glob;
    }

    /**
     * The glob's directory part before its first wildcard ({@code sales/skills/} for {@code
     * /sales/skills/**}, empty for {@code /*.md}): only paths below it can match, and a longer one
     * means a more specific mapping.
     */
    public String literalPrefix() {
        int wildcard = firstOf(glob, WILDCARDS);
        String literal = wildcard < 0 ? glob : glob.substring(0, wildcard);
        int slash = literal.lastIndexOf('/');
        return slash < 0 ? "" : literal.substring(0, slash + 1);
    }

    /** Whether the repository path (no leading slash) matches. */
    public boolean matches(String path) {
        try {
            return matcher.matches(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Whether files below {@code directory} (a repository path, no trailing slash) may match. */
    public boolean mayContain(String directory) {
        String prefix = literalPrefix();
        String dir = directory + "/";
        return dir.startsWith(prefix) || prefix.startsWith(dir);
    }

    /** The paths that match, in the order given. */
    public List<String> select(Collection<String> paths) {
        // a backslash escapes inside a glob: the literal text before one may not be compared as is
        int escape = firstOf(glob, WILDCARDS + "\\");
        String literal = escape < 0 ? glob : glob.substring(0, escape);
        String below = literal.substring(0, literal.lastIndexOf('/') + 1);
        return paths.stream()
                .filter(path -> path.startsWith(below) && matches(path))
                .toList();
    }

    @Override
    public String toString() {
        return selector;
    }

    private static int firstOf(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
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
