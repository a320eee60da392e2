package io.plugsync.api.publish;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code POST /publish}: the version the caller's draft is based on, an optional message, an
 * optional {@code rollout} (object or short form such as {@code "linear:25%/10m"}; absent: the
 * connector's or organisation's default, else all at once) and {@code supersede_rollout} to replace
 * a rollout still open.
 */
public record PublishRequest(Integer baseVersion, String message, JsonNode rollout, Boolean supersedeRollout) {

    public PublishRequest(Integer baseVersion, String message) {
        this(baseVersion, message, null, null);
    }

    boolean supersedes() {
        return Boolean.TRUE.equals(supersedeRollout);
    }
}
