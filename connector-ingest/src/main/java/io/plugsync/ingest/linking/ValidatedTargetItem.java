package io.plugsync.ingest.linking;

/** Detail answer shape {@code {item}}. */
public record ValidatedTargetItem(ValidatedTarget item) {}
