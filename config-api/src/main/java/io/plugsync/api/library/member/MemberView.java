package io.plugsync.api.library.member;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A member of an organisation: the principal that member grants, team memberships and creator
 * columns point to. {@code role} is the organisation role its token carried at its last write.
 */
public record MemberView(
        UUID id, String subject, String displayName, String email, String role, OffsetDateTime createdAt) {

    static MemberView from(Row row) {
        return new MemberView(
                row.getUUID("id"),
                row.getString("subject"),
                row.getString("display_name"),
                row.getString("email"),
                row.getString("role"),
                row.getOffsetDateTime("created_at"));
    }
}
