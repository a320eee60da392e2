package io.plugsync.common.library;

/**
 * The plaintext current metadata of a config object, derived from its latest version and written
 * onto the {@code config_object} row for dashboards and search (seed 001 projection rule).
 */
public record Projection(
        String title,
        String description,
        String searchText,
        String slug,
        String fileName,
        String fileExtension,
        String relativePath) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SEARCH_TEXT = 8000;

    public Projection {
        title = truncate(title, MAX_TITLE);
        searchText = truncate(searchText, MAX_SEARCH_TEXT);
    }

    static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max);
    }
}
