package io.plugsync.api.source;

import io.plugsync.api.library.support.Json;
import io.plugsync.common.source.SourceTarget;
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

    static TargetView from(SourceTarget row) {
        return new TargetView(
                row.id(),
                row.connectorInstanceId(),
                row.connectorType(),
                row.remoteId(),
                row.targetKind(),
                row.externalTargetRef(),
                Json.map(row.targetConfig()),
                row.status(),
                row.lastSyncedRevisionRef(),
                row.createdAt(),
                row.updatedAt());
    }
}
