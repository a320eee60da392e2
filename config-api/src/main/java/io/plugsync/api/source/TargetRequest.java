package io.plugsync.api.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.source.GithubNames;
import io.plugsync.common.source.SourceKinds;

/** {@code POST .../targets}: for GitHub, {@code remote_id} is owner/repo and the ref a branch name. */
public record TargetRequest(String remoteId, String externalTargetRef, String targetKind, JsonNode targetConfig) {

    void validate(String connectorType) {
        Validation check = new Validation().text(remoteId, "/remote_id", 200, true);
        if (SourceKinds.GITHUB.equals(connectorType) && remoteId != null) {
            check.require(
                    GithubNames.REPOSITORY.matcher(remoteId).matches(),
                    "/remote_id",
                    "a repository as owner/name",
                    "pattern");
        }
        branch(check, externalTargetRef)
                .text(targetKind, "/target_kind", 100, false)
                .require(targetConfig == null || targetConfig.isObject(), "/target_config", "a JSON object", "type")
                .throwIfAny("the connector target is not valid");
    }

    /** {@code /external_target_ref} must be a branch name. */
    static Validation branch(Validation check, String ref) {
        return check.require(
                ref != null && GithubNames.BRANCH.matcher(ref).matches(),
                "/external_target_ref",
                "a branch name (no spaces, '..', '~', '^', ':', '?', '*', '[' or leading/trailing '/')",
                "pattern");
    }
}
