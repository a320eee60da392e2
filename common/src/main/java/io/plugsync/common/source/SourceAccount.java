package io.plugsync.common.source;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A {@code connector_account} row: one organisation's link to a GitHub App installation ({@code remoteId}). */
public record SourceAccount(
        UUID id,
        UUID organizationId,
        String connectorType,
        String remoteId,
        String externalAccountRef,
        String displayName,
        String status,
        UUID createdByOrgMembershipId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static SourceAccount from(Row row) {
        return new SourceAccount(
                row.getUUID("id"),
                row.getUUID("organization_id"),
                row.getString("connector_type"),
                row.getString("remote_id"),
                row.getString("external_account_ref"),
                row.getString("display_name"),
                row.getString("status"),
                row.getUUID("created_by_org_membership_id"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
