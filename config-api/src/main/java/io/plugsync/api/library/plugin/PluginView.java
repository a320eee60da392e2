package io.plugsync.api.library.plugin;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A plugin as the API shows it. */
public record PluginView(
        UUID id,
        UUID organizationId,
        String name,
        String description,
        String status,
        UUID createdByOrgMembershipId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int memberCount,
        String yourRole) {

    static PluginView from(Row row) {
        return new PluginView(
                row.getUUID("id"),
                row.getUUID("organization_id"),
                row.getString("name"),
                row.getString("description"),
                row.getString("status"),
                row.getUUID("created_by_org_membership_id"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"),
                row.getInteger("member_count"),
                null);
    }

    PluginView withRole(String role) {
        return new PluginView(
                id,
                organizationId,
                name,
                description,
                status,
                createdByOrgMembershipId,
                createdAt,
                updatedAt,
                memberCount,
                role);
    }
}
