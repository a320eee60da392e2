package io.plugsync.api.library.object;

import io.plugsync.common.library.StoredVersion;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of an object's history (no content). */
public record VersionSummary(
        UUID id,
        UUID configObjectId,
        String createdVia,
        UUID createdByOrgMembershipId,
        UUID connectorSyncEventId,
        String sourceRevisionRef,
        boolean isDeletedVersion,
        String schemaVersion,
        String encryptionKeyId,
        OffsetDateTime createdAt) {

    static VersionSummary of(StoredVersion v) {
        return new VersionSummary(
                v.id(),
                v.configObjectId(),
                v.createdVia(),
                v.createdByMembershipId(),
                v.connectorSyncEventId(),
                v.sourceRevisionRef(),
                v.deleted(),
                v.schemaVersion(),
                v.encryptionKeyId(),
                v.createdAt());
    }
}
