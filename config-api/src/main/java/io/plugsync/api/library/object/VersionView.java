package io.plugsync.api.library.object;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.library.StoredVersion;
import io.plugsync.common.library.VersionContent;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One version with its decrypted content: the raw text and the normalized payload. */
public record VersionView(
        UUID id,
        UUID configObjectId,
        String createdVia,
        UUID createdByOrgMembershipId,
        String sourceRevisionRef,
        boolean isDeletedVersion,
        OffsetDateTime createdAt,
        String content,
        JsonNode payload) {

    public static VersionView of(StoredVersion v, VersionContent content) {
        return new VersionView(
                v.id(),
                v.configObjectId(),
                v.createdVia(),
                v.createdByMembershipId(),
                v.sourceRevisionRef(),
                v.deleted(),
                v.createdAt(),
                content.rawText(),
                content.payload());
    }
}
