package io.plugsync.api.source;

import io.plugsync.common.source.SourceAccount;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A connector account: one authenticated connector relationship (e.g. a GitHub App installation). */
public record AccountView(
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

    static AccountView from(SourceAccount row) {
        return new AccountView(
                row.id(),
                row.organizationId(),
                row.connectorType(),
                row.remoteId(),
                row.externalAccountRef(),
                row.displayName(),
                row.status(),
                row.createdByOrgMembershipId(),
                row.createdAt(),
                row.updatedAt());
    }
}
