package io.plugsync.api.library.release;

import java.util.List;
import java.util.UUID;

/**
 * The answer of a rollback: the {@code system} release recording the result and what changed to
 * get there.
 */
public record RollbackResult(UUID rolledBackTo, ReleaseView release, Changes changes) {

    /** Reason of a skipped object whose content or status only its connector source may change. */
    public static final String MANAGED_AT_SOURCE = "managed at source";

    /**
     * @param membersAdded objects added back to the plugin
     * @param membersRemoved objects no longer in the plugin (not in the release)
     * @param versionsWritten objects that got a new version with the pinned content
     * @param statusRestored objects un-archived or reactivated whose latest version was the pinned one
     * @param skipped objects left as they are, with why
     */
    public record Changes(
            List<UUID> membersAdded,
            List<UUID> membersRemoved,
            List<VersionWritten> versionsWritten,
            List<UUID> statusRestored,
            List<Skipped> skipped) {}

    /** A new version whose content is the pinned version's; {@code previous_status} was e.g. {@code deleted}. */
    public record VersionWritten(
            UUID configObjectId,
            UUID previousVersionId,
            String previousStatus,
            UUID pinnedVersionId,
            UUID newVersionId) {}

    public record Skipped(UUID configObjectId, String reason, UUID pinnedVersionId, UUID currentVersionId) {}
}
