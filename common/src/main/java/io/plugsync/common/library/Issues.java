package io.plugsync.common.library;

import io.plugsync.common.http.Problem;
import io.plugsync.common.v3.JsonPointers;
import java.util.ArrayList;
import java.util.List;

/** Collects every failing field of one parse, so a caller sees all problems at once. */
final class Issues {
    private final List<Problem.FieldError> errors = new ArrayList<>();

    void add(String pointer, String message, String code) {
        errors.add(new Problem.FieldError(pointer, message, code));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<Problem.FieldError> list() {
        return errors;
    }

    /** Escapes a key for use as one JSON pointer segment (RFC 6901). */
    static String segment(String key) {
        return JsonPointers.escape(key);
    }
}
