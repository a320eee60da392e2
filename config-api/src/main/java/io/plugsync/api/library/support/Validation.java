package io.plugsync.api.library.support;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import java.util.ArrayList;
import java.util.List;

/** Collects every failing field of a request; {@link #throwIfAny(String)} answers 422. */
public final class Validation {
    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Validation require(boolean ok, String pointer, String message, String code) {
        if (!ok) {
            errors.add(new Problem.FieldError(pointer, message, code));
        }
        return this;
    }

    public Validation text(String value, String pointer, int max, boolean required) {
        if (value == null) {
            return require(!required, pointer, "required", "required");
        }
        return require(!value.isBlank() && value.length() <= max, pointer, "1 to " + max + " characters", "length");
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void throwIfAny(String detail) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(detail, errors);
        }
    }

    /** A body is required: a 400 when it is missing. */
    public static <T> T body(T body) {
        if (body == null) {
            throw ProblemException.badRequest("missing-body", "a JSON body is required");
        }
        return body;
    }
}
