package io.plugsync.api.library.support;

import io.vertx.mutiny.sqlclient.Tuple;

/** Small helpers for repositories. */
public final class Sql {
    private Sql() {}

    /** A tuple that may hold nulls. */
    public static Tuple tuple(Object... values) {
        return Tuple.from(values);
    }

    /**
     * A contains-pattern for {@code ILIKE} matching {@code text} literally ({@code %}, {@code _} and
     * the escape character are escaped); null for a null or blank text, meaning "no filter".
     */
    public static String likePattern(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
