package io.plugsync.common.source;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A {@code connector_target_tree} row: the repository paths (no content) of the revision a target
 * last synced; {@code truncated} when GitHub returned only part of the tree.
 */
public record SyncedTree(
        UUID connectorTargetId,
        String sourceRevisionRef,
        List<String> paths,
        boolean truncated,
        OffsetDateTime capturedAt) {

    static SyncedTree from(Row row) {
        return new SyncedTree(
                row.getUUID("connector_target_id"),
                row.getString("source_revision_ref"),
                Arrays.asList(row.getArrayOfStrings("paths")),
                row.getBoolean("truncated"),
                row.getOffsetDateTime("captured_at"));
    }
}
