package io.plugsync.ingest.linking;

import io.plugsync.common.http.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The query GitHub sends the installer back with: {@code installation_id, setup_action, state, code}. */
public record SetupRequest(String installationId, String setupAction, String state, String code) {
    private static final Set<String> ACTIONS = Set.of("install", "update", "request");

    /** An installation request waiting for an owner's approval: GitHub sends no installation id. */
    public boolean isRequest() {
        return "request".equals(setupAction);
    }

    /** Every missing or malformed parameter, as a 400; nothing when the request is complete. */
    public void validate() {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (setupAction != null && !ACTIONS.contains(setupAction)) {
            errors.add(new Problem.FieldError("query:setup_action", "one of install, update, request", "enum"));
        }
        if (installationId == null || installationId.isBlank()) {
            errors.add(new Problem.FieldError("query:installation_id", "required", "required"));
        } else if (!installationId.matches("[0-9]{1,19}")) {
            errors.add(new Problem.FieldError("query:installation_id", "a GitHub installation id (digits)", "format"));
        }
        if (state == null || state.isBlank()) {
            errors.add(new Problem.FieldError(
                    "query:state", "required: start from an install link (POST .../github/install-links)", "required"));
        }
        if (code == null || code.isBlank()) {
            errors.add(new Problem.FieldError(
                    "query:code",
                    "required: enable \"Request user authorization (OAuth) during installation\" in the GitHub App",
                    "required"));
        }
        if (!errors.isEmpty()) {
            throw LinkingProblems.invalidQuery(errors);
        }
    }
}
