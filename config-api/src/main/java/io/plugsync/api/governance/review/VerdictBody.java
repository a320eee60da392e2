package io.plugsync.api.governance.review;

/** Body of an approval, change request or comment on a review. */
public record VerdictBody(String comment) {}
