package io.plugsync.common.source;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A {@code connector_mapping} row: which paths of a target become which object type, and which plugin. */
public record SourceMapping(
        UUID id,
        UUID connectorInstanceId,
        UUID connectorTargetId,
        String connectorType,
        String remoteId,
        String mappingKind,
        String selector,
        String objectType,
        UUID pluginId,
        boolean autoAddToPlugin,
        JsonObject mappingConfig,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static SourceMapping from(Row row) {
        return new SourceMapping(
                row.getUUID("id"),
                row.getUUID("connector_instance_id"),
                row.getUUID("connector_target_id"),
                row.getString("connector_type"),
                row.getString("remote_id"),
                row.getString("mapping_kind"),
                row.getString("selector"),
                row.getString("object_type"),
                row.getUUID("plugin_id"),
                row.getBoolean("auto_add_to_plugin"),
                row.getJsonObject("mapping_config_json"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
