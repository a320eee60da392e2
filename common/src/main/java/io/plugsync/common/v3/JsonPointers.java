package io.plugsync.common.v3;

/** RFC 6901 JSON pointer helpers. */
public final class JsonPointers {
    private JsonPointers() {}

    /** Escapes one reference token ({@code ~} -> {@code ~0}, {@code /} -> {@code ~1}). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer of {@code token} below {@code parent}. */
    public static String child(String parent, String token) {
        return parent + "/" + escape(token);
    }
}
