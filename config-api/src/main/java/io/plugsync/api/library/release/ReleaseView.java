package io.plugsync.api.library.release;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A plugin release: a snapshot of the resolved versions at the time it was cut. */
public record ReleaseView(
        UUID id,
        UUID pluginId,
        String releaseKind,
        String notes,
        UUID createdByOrgMembershipId,
        OffsetDateTime createdAt,
        int itemCount,
        List<Item> items) {

    /** One object of the snapshot and the version it pinned. */
    public record Item(UUID configObjectId, UUID configObjectVersionId, String objectType, String title) {}

    ReleaseView withItems(List<Item> snapshot) {
        return new ReleaseView(
                id, pluginId, releaseKind, notes, createdByOrgMembershipId, createdAt, snapshot.size(), snapshot);
    }
}
