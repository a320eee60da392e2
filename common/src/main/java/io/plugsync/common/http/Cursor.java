package io.plugsync.common.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset-pagination cursors: the sort key of the last item of a page, base64url-encoded.
 * A malformed cursor is a 400, never a server error.
 */
public final class Cursor {
    private static final char SEPARATOR = '\u001f';

    private Cursor() {}

    public static String encode(String... keys) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor; {@code expected} of them, or a 400 problem. */
    public static List<String> decode(String cursor, int expected) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = Arrays.asList(raw.split(String.valueOf(SEPARATOR), -1));
            if (keys.size() == expected) {
                return keys;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this API issued");
    }

    /** Page size from a query parameter: default 50, between 1 and 200. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return 50;
        }
        if (requested < 1 || requested > 200) {
            throw new ProblemException(Problem.of(
                            400, "invalid-limit", "Bad request", "limit must be between 1 and 200")
                    .withErrors(List.of(new Problem.FieldError("limit", "must be between 1 and 200", "range"))));
        }
        return requested;
    }
}
