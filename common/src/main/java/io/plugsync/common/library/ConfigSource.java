package io.plugsync.common.library;

/**
 * The content of one version as a writer supplies it: the file text and where it lives.
 *
 * @param content the raw file text (a SKILL.md, an MCP JSON config ...)
 * @param fileName the file name, if known (derived from {@code relativePath} when absent)
 * @param relativePath the path inside its source (repository path for connector objects)
 * @param titleHint a title for types that cannot derive one from the content (context, custom)
 */
public record ConfigSource(String content, String fileName, String relativePath, String titleHint) {

    public static ConfigSource of(String content) {
        return new ConfigSource(content, null, null, null);
    }

    /** The explicit file name, else the last segment of the relative path, else {@code null}. */
    public String effectiveFileName() {
        if (fileName != null && !fileName.isBlank()) {
            return fileName;
        }
        if (relativePath != null && !relativePath.isBlank()) {
            String trimmed =
                    relativePath.endsWith("/") ? relativePath.substring(0, relativePath.length() - 1) : relativePath;
            int slash = trimmed.lastIndexOf('/');
            String last = trimmed.substring(slash + 1);
            return last.isEmpty() ? null : last;
        }
        return null;
    }
}
