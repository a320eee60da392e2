package io.plugsync.ingest.linking;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import java.util.List;

/** The problems linking answers with; each {@code type} names one thing the caller can act on. */
final class LinkingProblems {
    private LinkingProblems() {}

    static ProblemException notConfigured(List<String> missing) {
        return new ProblemException(Problem.of(
                        503,
                        "github-app-not-configured",
                        "GitHub App linking not configured",
                        "linking GitHub App installations needs these settings: " + String.join(", ", missing))
                .with("missing_settings", missing));
    }

    static ProblemException invalidQuery(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(400, "invalid-query", "Bad request", "invalid setup callback parameters")
                .withErrors(errors));
    }

    static ProblemException invalidState(InvalidStateException e) {
        boolean expired = e.reason() == InvalidStateException.Reason.EXPIRED;
        return new ProblemException(Problem.of(
                        400,
                        expired ? "state-expired" : "invalid-state",
                        "Bad request",
                        e.getMessage() + (expired ? "; ask for a new install link" : ""))
                .withErrors(List.of(new Problem.FieldError(
                        "query:state", e.getMessage(), e.reason().name().toLowerCase(java.util.Locale.ROOT)))));
    }

    static ProblemException codeRejected(String githubError) {
        return new ProblemException(Problem.of(
                        400,
                        "oauth-code-rejected",
                        "Bad request",
                        "GitHub did not accept the authorization code (" + githubError
                                + "); codes are single-use and expire after 10 minutes: install again")
                .with("github_error", githubError)
                .withErrors(List.of(new Problem.FieldError("query:code", "rejected by GitHub", "oauth"))));
    }

    static ProblemException notVerified(String installationId) {
        return new ProblemException(Problem.of(
                        403,
                        "installation-not-verified",
                        "Forbidden",
                        "GitHub does not list installation " + installationId
                                + " among the installations of the user who authorized")
                .with("installation_id", installationId));
    }

    static ProblemException linkedElsewhere(String installationId) {
        return new ProblemException(Problem.of(
                        409,
                        "installation-linked-elsewhere",
                        "Conflict",
                        "installation " + installationId + " is linked to another organisation")
                .with("installation_id", installationId));
    }

    static ProblemException githubUnavailable(String detail) {
        return new ProblemException(Problem.of(502, "github-unavailable", "Bad gateway", detail));
    }
}
