package io.plugsync.api.library.release;

import java.util.List;
import java.util.UUID;

/**
 * A release compared with the plugin resolved now: objects added since, removed since (or now
 * deleted), and changed (a newer latest version with other content); unchanged ones (the pinned
 * version, or a newer one with the same content, as a rollback writes) are only counted.
 */
public record ReleaseDiff(
        UUID releaseId,
        UUID pluginId,
        List<Entry> added,
        List<Entry> removed,
        List<Entry> changed,
        int unchangedCount) {

    /** {@code release_version_id} is null for added objects, {@code current_version_id} for removed ones. */
    public record Entry(
            UUID configObjectId, String objectType, String title, UUID releaseVersionId, UUID currentVersionId) {}
}
