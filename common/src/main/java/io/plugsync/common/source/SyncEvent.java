package io.plugsync.common.source;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A {@code connector_sync_event} row: one webhook, reconcile or manual sync of a target. */
public record SyncEvent(
        UUID id,
        UUID connectorInstanceId,
        UUID connectorTargetId,
        String connectorType,
        String remoteId,
        String eventType,
        String externalEventRef,
        String sourceRevisionRef,
        String status,
        JsonObject summary,
        int attempts,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt) {

    static SyncEvent from(Row row) {
        return new SyncEvent(
                row.getUUID("id"),
                row.getUUID("connector_instance_id"),
                row.getUUID("connector_target_id"),
                row.getString("connector_type"),
                row.getString("remote_id"),
                row.getString("event_type"),
                row.getString("external_event_ref"),
                row.getString("source_revision_ref"),
                row.getString("status"),
                row.getJsonObject("summary_json"),
                row.getInteger("attempts"),
                row.getOffsetDateTime("next_attempt_at"),
                row.getOffsetDateTime("started_at"),
                row.getOffsetDateTime("completed_at"));
    }
}
