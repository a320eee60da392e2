package io.plugsync.api.source;

import io.plugsync.common.source.SyncEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A sync held by the mass-deletion guard ({@code needs_confirmation}): what it would delete, for
 * the admin deciding between {@code confirm-deletions} and {@code discard}.
 */
public record HeldSyncView(
        UUID id,
        UUID connectorInstanceId,
        UUID connectorTargetId,
        String repository,
        String revision,
        int plannedDeletions,
        int liveObjects,
        List<String> deletedPaths,
        OffsetDateTime heldAt) {

    static HeldSyncView from(SyncEvent event) {
        JsonObject summary = event.summary();
        return new HeldSyncView(
                event.id(),
                event.connectorInstanceId(),
                event.connectorTargetId(),
                event.remoteId(),
                event.sourceRevisionRef(),
                summary.getInteger("planned_deletions", 0),
                summary.getInteger("live_objects", 0),
                summary.getJsonArray("deleted_paths", new JsonArray()).getList().stream()
                        .map(Object::toString)
                        .toList(),
                event.startedAt());
    }
}
