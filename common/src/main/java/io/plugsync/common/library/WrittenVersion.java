package io.plugsync.common.library;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The outcome of a write: the version row written and the projection now on the object. */
public record WrittenVersion(
        UUID configObjectId, UUID versionId, OffsetDateTime createdAt, boolean deleted, Projection projection) {}
