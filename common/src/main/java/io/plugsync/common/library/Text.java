package io.plugsync.common.library;

/** Small text helpers shared by the type parsers. */
final class Text {
    private Text() {}

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** First Markdown heading ({@code # ...}) of the text, or null. */
    static String firstHeading(String text) {
        return text.lines()
                .map(String::strip)
                .filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+", "").strip())
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse(null);
    }

    /** First non-empty line that is not a heading, or null. */
    static String firstParagraphLine(String text) {
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.equals("---"))
                .findFirst()
                .orElse(null);
    }

    static String firstLine(String text) {
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse(null);
    }

    static String stem(String fileName) {
        if (fileName == null) {
            return null;
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    static String extension(String fileName) {
        if (fileName == null) {
            return null;
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && dot < fileName.length() - 1
                ? fileName.substring(dot + 1).toLowerCase()
                : null;
    }

    static String clip(String value, int max) {
        return Projection.truncate(value, max);
    }

    /** Words for full-text search: the parts joined by spaces, nulls skipped. */
    static String search(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(part.strip());
            }
        }
        return out.toString();
    }
}
