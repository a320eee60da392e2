package io.plugsync.ingest.linking;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.source.GithubNames;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code POST .../github/validate-target}: may this installation sync this repository's branch? */
public record ValidateTargetRequest(String repositoryFullName, String branch, String installationId) {
    // the rules config-api's TargetRequest applies to a GitHub target's remote_id and branch
    static final Pattern INSTALLATION = Pattern.compile("^[0-9]{1,19}$");

    /** Every missing or malformed field as one 422; a missing body as a 400. */
    static ValidateTargetRequest validated(ValidateTargetRequest body) {
        if (body == null) {
            throw ProblemException.badRequest("missing-body", "a JSON body is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        check(
                errors,
                body.repositoryFullName,
                GithubNames.REPOSITORY,
                "/repository_full_name",
                "a repository as owner/name");
        check(
                errors,
                body.branch,
                GithubNames.BRANCH,
                "/branch",
                "a branch name (no spaces, '..', '~', '^', ':', '?', '*', '[' or leading/trailing '/')");
        check(errors, body.installationId, INSTALLATION, "/installation_id", "a GitHub installation id (digits)");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the target is not valid", errors);
        }
        return body;
    }

    String owner() {
        return repositoryFullName.substring(0, repositoryFullName.indexOf('/'));
    }

    String name() {
        return repositoryFullName.substring(repositoryFullName.indexOf('/') + 1);
    }

    private static void check(
            List<Problem.FieldError> errors, String value, Pattern pattern, String pointer, String what) {
        if (value == null) {
            errors.add(new Problem.FieldError(pointer, "required", "required"));
        } else if (!pattern.matcher(value).matches()) {
            errors.add(new Problem.FieldError(pointer, what, "pattern"));
        }
    }
}
