package io.plugsync.api.source;

import io.plugsync.api.library.support.Json;
import io.plugsync.common.source.SyncEvent;
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

    static SyncEventView from(SyncEvent row) {
        return new SyncEventView(
                row.id(),
                row.connectorInstanceId(),
                row.connectorTargetId(),
                row.connectorType(),
                row.remoteId(),
                row.eventType(),
                row.externalEventRef(),
                row.sourceRevisionRef(),
                row.status(),
                Json.map(row.summary()),
                row.attempts(),
                row.nextAttemptAt(),
                row.startedAt(),
                row.completedAt());
    }

    public OffsetDateTime createdAt() {
        return startedAt;
    }
}
