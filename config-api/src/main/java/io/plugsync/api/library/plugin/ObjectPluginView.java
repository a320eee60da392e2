package io.plugsync.api.library.plugin;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A plugin holding one config object, seen from the object: the membership and the plugin's identity. */
public record ObjectPluginView(
        UUID id,
        UUID configObjectId,
        UUID pluginId,
        String name,
        String pluginStatus,
        String membershipSource,
        UUID connectorMappingId,
        OffsetDateTime createdAt,
        String yourRole) {

    static ObjectPluginView from(Row row) {
        return new ObjectPluginView(
                row.getUUID("id"),
                row.getUUID("config_object_id"),
                row.getUUID("plugin_id"),
                row.getString("name"),
                row.getString("plugin_status"),
                row.getString("membership_source"),
                row.getUUID("connector_mapping_id"),
                row.getOffsetDateTime("created_at"),
                null);
    }

    ObjectPluginView withRole(String role) {
        return new ObjectPluginView(
                id,
                configObjectId,
                pluginId,
                name,
                pluginStatus,
                membershipSource,
                connectorMappingId,
                createdAt,
                role);
    }
}
