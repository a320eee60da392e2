package io.plugsync.api.library.connectoradmin;

import io.plugsync.api.library.support.Json;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One webhook/poll/manual sync execution of a connector instance. */
public record SyncEventView(
        UUID id,
        UUID connectorInstanceId,
        UUID connectorTargetId,
        String connectorType,
        String remoteId,
        String eventType,
        String externalEventRef,
        String sourceRevisionRef,
        String status,
        Map<String, Object> summary,
        int attempts,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt) {

    static SyncEventView from(Row row) {
        return new SyncEventView(
                row.getUUID("id"),
                row.getUUID("connector_instance_id"),
                row.getUUID("connector_target_id"),
                row.getString("connector_type"),
                row.getString("remote_id"),
                row.getString("event_type"),
                row.getString("external_event_ref"),
                row.getString("source_revision_ref"),
                row.getString("status"),
                Json.map(row.getJsonObject("summary_json")),
                row.getInteger("attempts"),
                row.getOffsetDateTime("next_attempt_at"),
                row.getOffsetDateTime("started_at"),
                row.getOffsetDateTime("completed_at"));
    }

    public OffsetDateTime createdAt() {
        return startedAt;
    }
}
