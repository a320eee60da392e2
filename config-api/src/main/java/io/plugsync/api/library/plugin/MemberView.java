package io.plugsync.api.library.plugin;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An active member of a plugin: the object identity (never a pinned version). */
public record MemberView(
        UUID id,
        UUID pluginId,
        UUID configObjectId,
        String objectType,
        String title,
        String objectStatus,
        String membershipSource,
        UUID connectorMappingId,
        OffsetDateTime createdAt) {

    static MemberView from(Row row) {
        return new MemberView(
                row.getUUID("id"),
                row.getUUID("plugin_id"),
                row.getUUID("config_object_id"),
                row.getString("object_type"),
                row.getString("title"),
                row.getString("object_status"),
                row.getString("membership_source"),
                row.getUUID("connector_mapping_id"),
                row.getOffsetDateTime("created_at"));
    }
}
