package io.plugsync.api.library.object;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Where a connector-managed object comes from: every source binding it had (the live one and the
 * closed ones: moves, deletions), with the deleted object whose path it took over, if any
 * ("reappearance of"), and every tombstone left when its file was deleted, with the object that
 * took the same path later, if any ("reappeared as"). Links to objects the caller cannot see are
 * left out. The tables are written by connector-ingest only.
 */
public record Provenance(UUID configObjectId, String sourceMode, List<Binding> bindings, List<Tombstone> tombstones) {

    /** One (target, repository path) this object was synced from; {@code closed_at} set once it ended. */
    public record Binding(
            UUID id,
            String status,
            UUID connectorInstanceId,
            UUID connectorTargetId,
            UUID connectorMappingId,
            String connectorType,
            String remoteId,
            String externalLocator,
            String externalStableRef,
            String lastSeenSourceRevisionRef,
            OffsetDateTime createdAt,
            OffsetDateTime closedAt,
            ReappearanceOf reappearanceOf) {

        static Binding from(Row row) {
            UUID previous = row.getUUID("previous_config_object_id");
            return new Binding(
                    row.getUUID("id"),
                    row.getString("status"),
                    row.getUUID("connector_instance_id"),
                    row.getUUID("connector_target_id"),
                    row.getUUID("connector_mapping_id"),
                    row.getString("connector_type"),
                    row.getString("remote_id"),
                    row.getString("external_locator"),
                    row.getString("external_stable_ref"),
                    row.getString("last_seen_source_revision_ref"),
                    row.getOffsetDateTime("created_at"),
                    row.getOffsetDateTime("deleted_at"),
                    previous == null
                            ? null
                            : new ReappearanceOf(
                                    previous,
                                    row.getUUID("previous_tombstone_id"),
                                    row.getOffsetDateTime("previous_deleted_at")));
        }
    }

    /** The file of this object was deleted at its source in that sync. */
    public record Tombstone(
            UUID id,
            UUID connectorInstanceId,
            UUID connectorTargetId,
            UUID connectorMappingId,
            String connectorType,
            String remoteId,
            String externalLocator,
            UUID deletedInSyncEventId,
            String deletedSourceRevisionRef,
            OffsetDateTime createdAt,
            ReappearedAs reappearedAs) {

        static Tombstone from(Row row) {
            UUID next = row.getUUID("reappeared_config_object_id");
            return new Tombstone(
                    row.getUUID("id"),
                    row.getUUID("connector_instance_id"),
                    row.getUUID("connector_target_id"),
                    row.getUUID("connector_mapping_id"),
                    row.getString("connector_type"),
                    row.getString("remote_id"),
                    row.getString("external_locator"),
                    row.getUUID("deleted_in_sync_event_id"),
                    row.getString("deleted_source_revision_ref"),
                    row.getOffsetDateTime("created_at"),
                    next == null
                            ? null
                            : new ReappearedAs(
                                    next,
                                    row.getUUID("reappeared_binding_id"),
                                    row.getOffsetDateTime("reappeared_at")));
        }
    }

    /** The object whose file was deleted at this binding's path before this binding began (its tombstone). */
    public record ReappearanceOf(UUID configObjectId, UUID connectorSourceTombstoneId, OffsetDateTime deletedAt) {}

    /** The first later binding of another object at the same (target, path): the file came back as a new identity. */
    public record ReappearedAs(UUID configObjectId, UUID connectorSourceBindingId, OffsetDateTime createdAt) {}
}
