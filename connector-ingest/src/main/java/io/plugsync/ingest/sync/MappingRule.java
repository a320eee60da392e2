package io.plugsync.ingest.sync;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.UUID;

/**
 * A {@code connector_mapping} of a target: a glob selector over repository paths (e.g.
 * {@code /sales/skills/**}), the object type it yields, optional plugin auto-membership, and the
 * member its objects are attributed to (their creator; null when nobody is known).
 */
public record MappingRule(
        UUID id,
        String selector,
        String objectType,
        UUID pluginId,
        boolean autoAddToPlugin,
        int order,
        UUID attributedTo) {

    /** Repository paths carry no leading slash; selectors may. */
    public String glob() {
        return selector.startsWith("/") ? selector.substring(1) : selector;
    }

    /** The selector's directory part before its first wildcard: only directories near it can match. */
    public String literalPrefix() {
        String glob = glob();
        int wildcard = firstWildcard(glob);
        String literal = wildcard < 0 ? glob : glob.substring(0, wildcard);
        int slash = literal.lastIndexOf('/');
        return slash < 0 ? "" : literal.substring(0, slash + 1);
    }

    public PathMatcher matcher() {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob());
    }

    /** Whether files below {@code directory} (no trailing slash) may match. */
    public boolean mayContain(String directory) {
        String prefix = literalPrefix();
        String dir = directory + "/";
        return dir.startsWith(prefix) || prefix.startsWith(dir);
    }

    static boolean matches(PathMatcher matcher, String path) {
        return matcher.matches(Path.of(path));
    }

    private static int firstWildcard(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            if ("*?[{".indexOf(glob.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
