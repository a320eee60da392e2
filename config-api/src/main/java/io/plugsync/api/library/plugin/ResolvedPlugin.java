package io.plugsync.api.library.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A plugin resolved now: the latest version of every active member whose latest version is not deleted. */
public record ResolvedPlugin(UUID pluginId, String name, List<Entry> items) {

    public record Entry(
            UUID configObjectId,
            String objectType,
            String title,
            UUID versionId,
            OffsetDateTime versionCreatedAt,
            String content,
            JsonNode payload) {}
}
