package io.plugsync.api.version;

import java.time.OffsetDateTime;

/** Publish progress: committed in PostgreSQL, and whether the dispatcher replicated it yet. */
public record VersionStatus(int version, boolean committed, boolean replicated, OffsetDateTime replicatedAt) {}
