package io.plugsync.dispatcher.outbox;

/** Backlog figures for metrics and the admin API. */
public record OutboxStats(long undelivered, long oldestUndeliveredAgeMillis, long dead) {}
