package io.plugsync.api.library.connectoradmin;

import io.plugsync.api.library.support.Json;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A mapping: which paths of a target become which object type, and optionally join which plugin. */
public record MappingView(
        UUID id,
        UUID connectorInstanceId,
        UUID connectorTargetId,
        String connectorType,
        String mappingKind,
        String selector,
        String objectType,
        UUID pluginId,
        boolean autoAddToPlugin,
        Map<String, Object> mappingConfig,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static MappingView from(Row row) {
        return new MappingView(
                row.getUUID("id"),
                row.getUUID("connector_instance_id"),
                row.getUUID("connector_target_id"),
                row.getString("connector_type"),
                row.getString("mapping_kind"),
                row.getString("selector"),
                row.getString("object_type"),
                row.getUUID("plugin_id"),
                row.getBoolean("auto_add_to_plugin"),
                Json.map(row.getJsonObject("mapping_config_json")),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
