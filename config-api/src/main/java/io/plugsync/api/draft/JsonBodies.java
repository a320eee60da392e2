package io.plugsync.api.draft;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.v3.V3Document;
import java.util.List;

/** Raw JSON request bodies (documents and patches are free-form JSON, not records). */
public final class JsonBodies {
    private JsonBodies() {}

    /** The parsed body, or a 400 {@code malformed-json} problem. */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new ProblemException(Problem.of(400, "missing-body", "Bad request", "a JSON body is required")
                    .withErrors(List.of(new Problem.FieldError("", "a JSON body is required", "required"))));
        }
        try {
            return V3Document.parse(body);
        } catch (IllegalArgumentException e) {
            String detail = "the body is not valid JSON: " + e.getMessage();
            throw new ProblemException(Problem.of(400, "malformed-json", "Bad request", detail)
                    .withErrors(List.of(new Problem.FieldError("", detail, "malformed_json"))));
        }
    }
}
