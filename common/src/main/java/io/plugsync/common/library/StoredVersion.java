package io.plugsync.common.library;

import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A {@code config_object_version} row as stored: metadata plaintext, content still sealed. */
public record StoredVersion(
        UUID id,
        UUID configObjectId,
        String encryptionKeyId,
        String schemaVersion,
        String createdVia,
        UUID createdByMembershipId,
        UUID connectorSyncEventId,
        String sourceRevisionRef,
        boolean deleted,
        OffsetDateTime createdAt,
        byte[] sealedPayload,
        byte[] sealedRawText) {

    /** The columns {@link #from(Row)} reads, qualified with the alias {@code v}. */
    public static final String COLUMNS =
            "v.id, v.config_object_id, v.encryption_key_id, v.schema_version, v.created_via,"
                    + " v.created_by_org_membership_id, v.connector_sync_event_id, v.source_revision_ref,"
                    + " v.is_deleted_version, v.created_at, v.normalized_payload_json, v.raw_source_text";

    public static StoredVersion from(Row row) {
        Buffer raw = row.getBuffer("raw_source_text");
        return new StoredVersion(
                row.getUUID("id"),
                row.getUUID("config_object_id"),
                row.getString("encryption_key_id"),
                row.getString("schema_version"),
                row.getString("created_via"),
                row.getUUID("created_by_org_membership_id"),
                row.getUUID("connector_sync_event_id"),
                row.getString("source_revision_ref"),
                row.getBoolean("is_deleted_version"),
                row.getOffsetDateTime("created_at"),
                row.getBuffer("normalized_payload_json").getBytes(),
                raw == null ? null : raw.getBytes());
    }
}
