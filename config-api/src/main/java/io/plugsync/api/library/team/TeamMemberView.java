package io.plugsync.api.library.team;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A member of a team: the organisation member and when it joined the team. */
public record TeamMemberView(
        UUID orgMembershipId, String subject, String displayName, String orgRole, OffsetDateTime addedAt) {

    static TeamMemberView from(Row row) {
        return new TeamMemberView(
                row.getUUID("org_membership_id"),
                row.getString("subject"),
                row.getString("display_name"),
                row.getString("role"),
                row.getOffsetDateTime("added_at"));
    }
}
