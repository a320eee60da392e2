package io.plugsync.api.org;

/** Body of {@code PATCH /v1/orgs/{orgId}/settings}: only the fields present change. */
public record UpdateOrgSettingsRequest(String agentPublish) {}
