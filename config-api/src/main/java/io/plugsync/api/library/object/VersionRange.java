package io.plugsync.api.library.object;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The {@code from} and {@code to} query parameters of a version comparison; a 400 naming each bad one. */
record VersionRange(UUID from, UUID to) {

    static VersionRange of(String from, String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        UUID a = parse(from, "query:from", errors);
        UUID b = parse(to, "query:to", errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    Problem.of(400, "invalid-query", "Bad request", "from and to must be version ids")
                            .withErrors(errors));
        }
        return new VersionRange(a, b);
    }

    private static UUID parse(String value, String pointer, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(pointer, "required", "required"));
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(pointer, "not a UUID", "uuid"));
            return null;
        }
    }
}
