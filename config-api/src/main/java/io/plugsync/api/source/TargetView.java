package io.plugsync.api.library.connectoradmin;

import io.plugsync.api.library.support.Json;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A connector target: the external source inside an instance (e.g. a repository branch). */
public record TargetView(
        UUID id,
        UUID connectorInstanceId,
        String connectorType,
        String remoteId,
        String targetKind,
        String externalTargetRef,
        Map<String, Object> targetConfig,
        String status,
        String lastSyncedRevisionRef,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static TargetView from(Row row) {
        return new TargetView(
                row.getUUID("id"),
                row.getUUID("connector_instance_id"),
                row.getString("connector_type"),
                row.getString("remote_id"),
                row.getString("target_kind"),
                row.getString("external_target_ref"),
                Json.map(row.getJsonObject("target_config_json")),
                row.getString("status"),
                row.getString("last_synced_revision_ref"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
