package io.plugsync.api.library.release;

/** Body of {@code POST /plugins/{id}/releases} (optional). */
public record ReleaseRequests(String notes) {}
