package io.plugsync.api.org;

/** A single-resource response of the {@code /v1} API: {@code {item}}. */
public record Item<T>(T item) {}
