package io.plugsync.api.library.grant;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An active grant: exactly one principal (a member, a team or the whole organisation) and a role. */
public record GrantView(
        UUID id,
        String principalType,
        UUID orgMembershipId,
        UUID teamId,
        boolean orgWide,
        String role,
        UUID createdByOrgMembershipId,
        OffsetDateTime createdAt) {

    static GrantView from(Row row) {
        UUID member = row.getUUID("org_membership_id");
        UUID team = row.getUUID("team_id");
        return new GrantView(
                row.getUUID("id"),
                member != null ? "member" : team != null ? "team" : "org_wide",
                member,
                team,
                row.getBoolean("org_wide"),
                row.getString("role"),
                row.getUUID("created_by_org_membership_id"),
                row.getOffsetDateTime("created_at"));
    }
}
