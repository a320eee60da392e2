package io.plugsync.api.library.object;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A config object as the API shows it: identity and the current (latest-version) projection. */
public record ConfigObjectView(
        UUID id,
        UUID organizationId,
        String objectType,
        String sourceMode,
        String title,
        String description,
        String status,
        String slug,
        String currentFileName,
        String currentFileExtension,
        String currentRelativePath,
        UUID connectorInstanceId,
        UUID createdByOrgMembershipId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime deletedAt,
        UUID latestVersionId,
        String yourRole) {

    static ConfigObjectView from(Row row, String role) {
        return new ConfigObjectView(
                row.getUUID("id"),
                row.getUUID("organization_id"),
                row.getString("object_type"),
                row.getString("source_mode"),
                row.getString("title"),
                row.getString("description"),
                row.getString("status"),
                row.getString("slug"),
                row.getString("current_file_name"),
                row.getString("current_file_extension"),
                row.getString("current_relative_path"),
                row.getUUID("connector_instance_id"),
                row.getUUID("created_by_org_membership_id"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"),
                row.getOffsetDateTime("deleted_at"),
                row.getUUID("latest_version_id"),
                role);
    }

    ConfigObjectView withRole(String role) {
        return new ConfigObjectView(
                id,
                organizationId,
                objectType,
                sourceMode,
                title,
                description,
                status,
                slug,
                currentFileName,
                currentFileExtension,
                currentRelativePath,
                connectorInstanceId,
                createdByOrgMembershipId,
                createdAt,
                updatedAt,
                deletedAt,
                latestVersionId,
                role);
    }
}
