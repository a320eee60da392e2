package io.plugsync.common.sql;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A keyset page request, newest first: rows strictly before ({@code afterCreatedAt}, {@code
 * afterId}) (both null for the first page), at most {@code limit} of them.
 */
public record Keyset(OffsetDateTime afterCreatedAt, UUID afterId, int limit) {

    /** SQL condition continuing after the key; parameters {@code $a} (timestamptz) and {@code $b} (uuid). */
    public static String after(String alias, String column, int a, int b) {
        return "($" + a + "::timestamptz IS NULL OR (" + alias + "." + column + ", " + alias + ".id) < ($" + a
                + "::timestamptz, $" + b + "::uuid))";
    }
}
