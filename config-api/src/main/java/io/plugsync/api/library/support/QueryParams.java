package io.plugsync.api.library.support;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import java.util.List;
import java.util.UUID;

/** Query parameters of the library routes: a bad value is a 400 {@code invalid-query} naming {@code query:<name>}. */
public final class QueryParams {
    private QueryParams() {}

    public static UUID requiredUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            throw bad(name, "required", "required");
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw bad(name, "not a UUID", "uuid");
        }
    }

    /** The text, or a 400 when it is longer than {@code max}. */
    public static String text(String name, String value, int max) {
        if (value != null && value.length() > max) {
            throw bad(name, "at most " + max + " characters", "length");
        }
        return value;
    }

    private static ProblemException bad(String name, String message, String code) {
        return new ProblemException(Problem.of(400, "invalid-query", "Bad request", "invalid query parameters")
                .withErrors(List.of(new Problem.FieldError("query:" + name, message, code))));
    }
}
