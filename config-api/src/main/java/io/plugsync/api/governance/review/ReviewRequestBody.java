package io.plugsync.api.governance.review;

/** Body of {@code POST /api/connectors/{id}/reviews}: what changed and why, for the reviewers. */
public record ReviewRequestBody(String summary) {}
