package io.plugsync.api.publish;

/** Body of {@code POST /publish}: the version the caller's draft is based on and an optional message. */
public record PublishRequest(Integer baseVersion, String message) {}
