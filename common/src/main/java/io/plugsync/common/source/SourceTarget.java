package io.plugsync.common.source;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A {@code connector_target} row: a repository branch inside an instance ({@code remoteId} is owner/repo). */
public record SourceTarget(
        UUID id,
        UUID connectorInstanceId,
        String connectorType,
        String remoteId,
        String targetKind,
        String externalTargetRef,
        JsonObject targetConfig,
        String status,
        String lastSyncedRevisionRef,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static SourceTarget from(Row row) {
        return new SourceTarget(
                row.getUUID("id"),
                row.getUUID("connector_instance_id"),
                row.getString("connector_type"),
                row.getString("remote_id"),
                row.getString("target_kind"),
                row.getString("external_target_ref"),
                row.getJsonObject("target_config_json"),
                row.getString("status"),
                row.getString("last_synced_revision_ref"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
