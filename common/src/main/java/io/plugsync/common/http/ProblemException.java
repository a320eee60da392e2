package io.plugsync.common.http;

import java.util.List;

/** Thrown by resources and services to answer with a {@link Problem}; nothing was changed. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " does not exist"));
    }

    public static ProblemException badRequest(String reason, String detail) {
        return new ProblemException(Problem.of(400, reason, "Bad request", detail));
    }

    public static ProblemException forbidden(String capability) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", "missing capability: " + capability)
                .with("missing_capability", capability));
    }

    public static ProblemException conflict(String reason, String detail) {
        return new ProblemException(Problem.of(409, reason, "Conflict", detail));
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(422, "validation-failed", "Validation failed", detail)
                .withErrors(errors));
    }
}
