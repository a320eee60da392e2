package io.plugsync.api.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.source.SourceKinds;
import java.util.regex.Pattern;

/** {@code POST .../targets}: for GitHub, {@code remote_id} is owner/repo and the ref a branch name. */
public record TargetRequest(String remoteId, String externalTargetRef, String targetKind, JsonNode targetConfig) {
    static final Pattern GITHUB_REPO = Pattern.compile("^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$");
    static final Pattern BRANCH = Pattern.compile("^(?!/)(?!.*//)(?!.*\\.\\.)(?!.*/$)[^\\s~^:?*\\[\\\\]{1,255}$");

    void validate(String connectorType) {
        Validation check = new Validation().text(remoteId, "/remote_id", 200, true);
        if (SourceKinds.GITHUB.equals(connectorType) && remoteId != null) {
            check.require(
                    GITHUB_REPO.matcher(remoteId).matches(), "/remote_id", "a repository as owner/name", "pattern");
        }
        branch(check, externalTargetRef)
                .text(targetKind, "/target_kind", 100, false)
                .require(targetConfig == null || targetConfig.isObject(), "/target_config", "a JSON object", "type")
                .throwIfAny("the connector target is not valid");
    }

    /** {@code /external_target_ref} must be a branch name. */
    static Validation branch(Validation check, String ref) {
        return check.require(
                ref != null && BRANCH.matcher(ref).matches(),
                "/external_target_ref",
                "a branch name (no spaces, '..', '~', '^', ':', '?', '*', '[' or leading/trailing '/')",
                "pattern");
    }
}
