package io.plugsync.api.library.connectoradmin;

import io.plugsync.api.library.support.Json;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A connector instance: one configured use of a connector account. */
public record InstanceView(
        UUID id,
        UUID organizationId,
        UUID connectorAccountId,
        String connectorType,
        String remoteId,
        String name,
        String status,
        Map<String, Object> instanceConfig,
        OffsetDateTime lastSyncedAt,
        String lastSyncStatus,
        UUID createdByOrgMembershipId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String yourRole) {

    static InstanceView from(Row row) {
        return new InstanceView(
                row.getUUID("id"),
                row.getUUID("organization_id"),
                row.getUUID("connector_account_id"),
                row.getString("connector_type"),
                row.getString("remote_id"),
                row.getString("name"),
                row.getString("status"),
                Json.map(row.getJsonObject("instance_config_json")),
                row.getOffsetDateTime("last_synced_at"),
                row.getString("last_sync_status"),
                row.getUUID("created_by_org_membership_id"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"),
                null);
    }

    InstanceView withRole(String role) {
        return new InstanceView(
                id,
                organizationId,
                connectorAccountId,
                connectorType,
                remoteId,
                name,
                status,
                instanceConfig,
                lastSyncedAt,
                lastSyncStatus,
                createdByOrgMembershipId,
                createdAt,
                updatedAt,
                role);
    }
}
