package io.plugsync.ingest.library;

import java.util.UUID;

/**
 * Result of writing one file: the object, its new version (null when none was written) and the
 * parse error that put the object in {@code ingestion_error} (null when it parsed).
 */
public record Written(UUID objectId, UUID versionId, String error) {
    public boolean failed() {
        return error != null;
    }
}
