package io.plugsync.api.draft;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.v3.V3Document;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code GET /api/connectors/{id}/draft}. */
public record DraftView(
        UUID connectorId,
        long revision,
        int baseVersion,
        int activeVersion,
        boolean hasUnpublishedChanges,
        boolean baseIsStale,
        Integer restoredFromVersion,
        JsonNode document,
        OffsetDateTime updatedAt,
        String updatedBy,
        String updatedByKind) {

    /** The view of a draft given the active version ({@code 0} and {@code null} before the first publish). */
    public static DraftView of(DraftRow draft, int activeVersion, JsonNode activeDocument) {
        JsonNode published = activeDocument == null ? V3Document.empty() : activeDocument;
        return new DraftView(
                draft.connectorId(),
                draft.revision(),
                draft.baseVersion(),
                activeVersion,
                !V3Document.sameContent(draft.document(), published),
                draft.baseVersion() != activeVersion,
                draft.restoredFromVersion(),
                draft.document(),
                draft.updatedAt(),
                draft.updatedBy(),
                draft.updatedByKind());
    }

    /** The view of a draft that was just published: equal to, and based on, the active version. */
    public static DraftView justPublished(DraftRow draft) {
        return new DraftView(
                draft.connectorId(),
                draft.revision(),
                draft.baseVersion(),
                draft.baseVersion(),
                false,
                false,
                draft.restoredFromVersion(),
                draft.document(),
                draft.updatedAt(),
                draft.updatedBy(),
                draft.updatedByKind());
    }

    public String etag() {
        return "\"" + revision + "\"";
    }
}
