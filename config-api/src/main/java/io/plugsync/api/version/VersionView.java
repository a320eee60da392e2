package io.plugsync.api.version;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** A published version; {@code document} is left out of lists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionView(
        int version,
        String checksum,
        boolean isActive,
        String publishedBy,
        String publishedByKind,
        String message,
        int basedOnVersion,
        OffsetDateTime publishedAt,
        JsonNode document) {

    static VersionView of(VersionRow row) {
        return new VersionView(
                row.version(),
                row.checksum(),
                row.active(),
                row.publishedBy(),
                row.publishedByKind(),
                row.message(),
                row.basedOnVersion(),
                row.publishedAt(),
                row.document());
    }
}
