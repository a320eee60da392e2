package io.plugsync.api.library.release;

import io.plugsync.common.library.PluginResolution;
import io.plugsync.common.library.SourceMode;
import io.plugsync.common.library.StoredVersion;
import io.vertx.mutiny.sqlclient.Row;
import java.util.UUID;

/** One object a release pinned, as it stands now, and the version the release pinned. */
record RollbackTarget(
        String objectType,
        String title,
        String sourceMode,
        String status,
        String fileName,
        String relativePath,
        int rank,
        UUID latestVersionId,
        StoredVersion pinned) {

    static RollbackTarget from(Row row) {
        return new RollbackTarget(
                row.getString("object_type"),
                row.getString("title"),
                row.getString("source_mode"),
                row.getString("status"),
                row.getString("current_file_name"),
                row.getString("current_relative_path"),
                row.getInteger("access_rank"),
                row.getUUID("latest_version_id"),
                StoredVersion.from(row));
    }

    UUID configObjectId() {
        return pinned.configObjectId();
    }

    /** Delivered now (active or ingestion error), so only its version can differ. */
    boolean live() {
        return PluginResolution.LIVE_STATUSES.contains(status);
    }

    /** The latest version is not the pinned one: a new version with the pinned content is due. */
    boolean contentDiffers() {
        return !pinned.id().equals(latestVersionId);
    }

    /** Already as the release has it. */
    boolean unchanged() {
        return live() && !contentDiffers();
    }

    boolean connectorManaged() {
        return SourceMode.CONNECTOR.wire().equals(sourceMode);
    }
}
