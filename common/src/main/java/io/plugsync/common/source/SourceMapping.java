package io.plugsync.common.source;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A {@code connector_mapping} row: which paths of a target become which object type, and which
 * plugin; the member who created it is the creator of the objects it syncs. A retired mapping keeps
 * its bindings and tombstones; the sync ignores it.
 */
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
        UUID createdByOrgMembershipId,
        String status,
        OffsetDateTime retiredAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public boolean retired() {
        return SourceStatus.Mapping.RETIRED.wire().equals(status);
    }

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
                row.getUUID("created_by_org_membership_id"),
                row.getString("status"),
                row.getOffsetDateTime("retired_at"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
