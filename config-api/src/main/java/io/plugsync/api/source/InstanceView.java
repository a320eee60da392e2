package io.plugsync.api.source;

import io.plugsync.api.library.support.Json;
import io.plugsync.common.source.SourceInstance;
import io.plugsync.common.source.SourceStatus;
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
        OffsetDateTime archivedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String yourRole) {

    boolean archived() {
        return SourceStatus.Instance.ARCHIVED.wire().equals(status);
    }

    boolean active() {
        return SourceStatus.Instance.ACTIVE.wire().equals(status);
    }

    static InstanceView from(SourceInstance row) {
        return new InstanceView(
                row.id(),
                row.organizationId(),
                row.connectorAccountId(),
                row.connectorType(),
                row.remoteId(),
                row.name(),
                row.status(),
                Json.map(row.instanceConfig()),
                row.lastSyncedAt(),
                row.lastSyncStatus(),
                row.createdByOrgMembershipId(),
                row.archivedAt(),
                row.createdAt(),
                row.updatedAt(),
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
                archivedAt,
                createdAt,
                updatedAt,
                role);
    }
}
