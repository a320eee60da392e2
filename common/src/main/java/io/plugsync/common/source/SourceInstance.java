package io.plugsync.common.source;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A {@code connector_instance} row: one configured use of an account. */
public record SourceInstance(
        UUID id,
        UUID organizationId,
        UUID connectorAccountId,
        String connectorType,
        String remoteId,
        String name,
        String status,
        JsonObject instanceConfig,
        OffsetDateTime lastSyncedAt,
        String lastSyncStatus,
        String lastSyncCursor,
        UUID createdByOrgMembershipId,
        OffsetDateTime archivedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public boolean archived() {
        return SourceStatus.Instance.ARCHIVED.wire().equals(status);
    }

    /** An instance with the member's access rank on it ({@code library_instance_rank}). */
    public record Ranked(SourceInstance instance, int rank) {}

    static SourceInstance from(Row row) {
        return new SourceInstance(
                row.getUUID("id"),
                row.getUUID("organization_id"),
                row.getUUID("connector_account_id"),
                row.getString("connector_type"),
                row.getString("remote_id"),
                row.getString("name"),
                row.getString("status"),
                row.getJsonObject("instance_config_json"),
                row.getOffsetDateTime("last_synced_at"),
                row.getString("last_sync_status"),
                row.getString("last_sync_cursor"),
                row.getUUID("created_by_org_membership_id"),
                row.getOffsetDateTime("archived_at"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }

    static Ranked ranked(Row row) {
        return new Ranked(from(row), row.getInteger("access_rank"));
    }
}
