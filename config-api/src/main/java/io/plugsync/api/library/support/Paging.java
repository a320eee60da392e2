package io.plugsync.api.library.support;

import io.plugsync.api.http.Page;
import io.plugsync.common.http.Cursor;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.sql.Keyset;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset pages ordered by {@code (created_at DESC, id DESC)}: the cursor holds the sort key of the
 * last item. Repositories fetch {@code limit + 1} rows to know whether another page exists.
 */
public record Paging(int limit, OffsetDateTime afterCreatedAt, UUID afterId) {

    public static Paging of(String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        if (cursor == null || cursor.isEmpty()) {
            return new Paging(size, null, null);
        }
        List<String> keys = Cursor.decode(cursor, 2);
        try {
            return new Paging(size, OffsetDateTime.parse(keys.get(0)), UUID.fromString(keys.get(1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this API issued");
        }
    }

    /** Rows to fetch: one more than the page. */
    public int fetch() {
        return limit + 1;
    }

    /** The keyset of the shared source SQL in common: rows after the cursor, one more than the page. */
    public Keyset keyset() {
        return new Keyset(afterCreatedAt, afterId, fetch());
    }

    /** The page of {@code rows} and the cursor after its last item. */
    public <T> Page<T> page(List<T> rows, Function<T, OffsetDateTime> createdAt, Function<T, UUID> id) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        T last = items.get(limit - 1);
        return new Page<>(
                List.copyOf(items),
                Cursor.encode(createdAt.apply(last).toString(), id.apply(last).toString()));
    }

    /** SQL condition continuing after the cursor; parameters {@code $a} (timestamptz) and {@code $b} (uuid). */
    public static String after(String alias, int a, int b) {
        return Keyset.after(alias, "created_at", a, b);
    }
}
