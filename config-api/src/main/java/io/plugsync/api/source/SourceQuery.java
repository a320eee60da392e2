package io.plugsync.api.source;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Query parameters of the source admin lists: a bad value is a 400 naming {@code query:<name>}. */
final class SourceQuery {
    private SourceQuery() {}

    static UUID uuid(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw bad(name, "not a UUID");
        }
    }

    /** A status parsed by {@code parse}; null when absent. */
    static <S> S status(String name, String value, Function<String, Optional<S>> parse, List<String> allowed) {
        if (value == null) {
            return null;
        }
        return parse.apply(value).orElseThrow(() -> bad(name, "one of " + allowed));
    }

    private static ProblemException bad(String name, String message) {
        return new ProblemException(Problem.of(400, "invalid-query", "Bad request", message)
                .withErrors(List.of(new Problem.FieldError("query:" + name, message, "invalid"))));
    }
}
