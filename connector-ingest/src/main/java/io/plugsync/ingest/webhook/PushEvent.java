package io.plugsync.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import java.util.ArrayList;
import java.util.List;

/** The parts of a {@code push} payload the receiver needs; the file list is deliberately ignored. */
public record PushEvent(
        String repositoryFullName,
        String repositoryId,
        String branch,
        String before,
        String after,
        String installationId,
        boolean branchDeleted) {
    private static final String BRANCH_PREFIX = "refs/heads/";

    /** Parses the payload, listing every missing field with its JSON pointer (400). */
    public static PushEvent parse(JsonNode payload) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String ref = text(payload, "/ref", errors);
        String after = text(payload, "/after", errors);
        String fullName = text(payload, "/repository/full_name", errors);
        JsonNode repoId = payload.at("/repository/id");
        if (!repoId.isIntegralNumber()) {
            errors.add(new Problem.FieldError("/repository/id", "must be an integer", "required"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    Problem.of(400, "malformed-payload", "Bad request", "the push payload lacks required fields")
                            .withErrors(errors));
        }
        JsonNode installation = payload.at("/installation/id");
        return new PushEvent(
                fullName,
                repoId.asText(),
                ref.startsWith(BRANCH_PREFIX) ? ref.substring(BRANCH_PREFIX.length()) : null,
                payload.at("/before").asText(null),
                after,
                installation.isIntegralNumber() ? installation.asText() : null,
                payload.at("/deleted").asBoolean(false) || after.matches("0+"));
    }

    static String text(JsonNode payload, String pointer, List<Problem.FieldError> errors) {
        JsonNode node = payload.at(pointer);
        if (!node.isTextual() || node.asText().isBlank()) {
            errors.add(new Problem.FieldError(pointer, "must be a non-empty string", "required"));
            return null;
        }
        return node.asText();
    }
}
