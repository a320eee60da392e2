package io.plugsync.api.source;

import io.plugsync.common.source.SourceStatus;
import java.util.UUID;

/** Filters of {@code GET /connector-sync-events}. */
public record SyncEventFilter(UUID connectorInstanceId, SourceStatus.Sync status) {

    public static SyncEventFilter of(String instance, String status) {
        return new SyncEventFilter(
                SourceQuery.uuid("connector_instance_id", instance),
                SourceQuery.status("status", status, SourceStatus.Sync::parse, SourceStatus.Sync.wires()));
    }
}
