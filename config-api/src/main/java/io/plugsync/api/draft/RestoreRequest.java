package io.plugsync.api.draft;

/** Body of {@code POST /draft/restore}. */
public record RestoreRequest(Integer version) {}
