package io.plugsync.api.mcp;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import java.util.List;
import java.util.UUID;

/** Parses tool arguments, answering a 400 problem with the argument's pointer when malformed. */
final class Args {
    private Args() {}

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name, "required");
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(name, "not a UUID: " + value);
        }
    }

    static ProblemException invalid(String name, String message) {
        return new ProblemException(Problem.of(400, "invalid-argument", "Invalid argument", name + ": " + message)
                .withErrors(List.of(new Problem.FieldError("/" + name, message, "invalid"))));
    }
}
