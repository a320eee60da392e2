package io.plugsync.api.governance.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code connector_review}: the frozen snapshot (draft revision, document, diff against
 * the active version) and the request's lifecycle. {@code document} is null when not loaded.
 */
public record ReviewRow(
        UUID id,
        UUID connectorId,
        long draftRevision,
        int baseVersion,
        int activeVersion,
        JsonNode document,
        String checksum,
        JsonNode patch,
        JsonNode changes,
        List<String> changedPaths,
        String summary,
        String requestedBy,
        String requestedByKind,
        OffsetDateTime requestedAt,
        String status,
        Integer publishedVersion,
        String closedBy,
        OffsetDateTime closedAt) {

    public static final String OPEN = "open";
    public static final String PUBLISHED = "published";
    public static final String SUPERSEDED = "superseded";
    public static final String WITHDRAWN = "withdrawn";

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    /** Whether the review is of exactly this draft: same revision and base, same content. */
    public boolean snapshotOf(long revision, int draftBaseVersion, String documentChecksum) {
        return draftRevision == revision && baseVersion == draftBaseVersion && checksum.equals(documentChecksum);
    }
}
