package io.plugsync.ingest.github;

/** {@code GET /compare/base...head}: {@code ahead}, {@code behind}, {@code identical} or {@code diverged}. */
public record Comparison(String status, int aheadBy, int behindBy, int changedFiles) {}
