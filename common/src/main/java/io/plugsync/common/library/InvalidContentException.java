package io.plugsync.common.library;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import java.util.List;

/**
 * Content that its type's rules reject: a 422 whose errors point (JSON pointers) at the request
 * fields {@code /content}, {@code /file_name}, {@code /relative_path}, {@code /title}, or inside
 * the content ({@code /content/frontmatter/name}, {@code /content/mcpServers/x/command}). Connector
 * ingestion records the same errors on its sync event instead of answering HTTP.
 */
public class InvalidContentException extends ProblemException {
    private final transient List<Problem.FieldError> errors;

    public InvalidContentException(ObjectType type, List<Problem.FieldError> errors) {
        super(Problem.of(422, "invalid-content", "Invalid content", "the content is not a valid " + type.wire())
                .withErrors(errors));
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
