package io.plugsync.api.library.team;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A live team; {@code members} only on the single-team view (lists leave it out). */
public record TeamView(
        UUID id,
        UUID organizationId,
        String name,
        int memberCount,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TeamMemberView> members) {

    static TeamView from(Row row) {
        return new TeamView(
                row.getUUID("id"),
                row.getUUID("organization_id"),
                row.getString("name"),
                row.getInteger("member_count"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"),
                null);
    }

    TeamView withMembers(List<TeamMemberView> list) {
        return new TeamView(id, organizationId, name, list.size(), createdAt, updatedAt, List.copyOf(list));
    }
}
