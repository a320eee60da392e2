package io.plugsync.api.library.member;

import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Sql;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of {@code org_membership} (V1): the members that have not been removed. */
@ApplicationScoped
public class MemberRepository {
    private static final String SELECT = "SELECT m.id, m.subject, m.display_name, m.email, m.role, m.created_at"
            + " FROM org_membership m WHERE m.organization_id = $1 AND m.removed_at IS NULL";

    /** A page of members; {@code query} (may be null) matches subject, display name or email, case-insensitively. */
    public Uni<List<MemberView>> list(SqlClient db, UUID org, String query, Paging paging) {
        return db.preparedQuery(SELECT
                        + " AND ($2::text IS NULL OR m.subject ILIKE $2 OR m.display_name ILIKE $2 OR m.email ILIKE $2)"
                        + " AND " + Paging.after("m", 3, 4) + " ORDER BY m.created_at DESC, m.id DESC LIMIT $5")
                .execute(Sql.tuple(
                        org, Sql.likePattern(query), paging.afterCreatedAt(), paging.afterId(), paging.fetch()))
                .map(rows -> Rows.all(rows, MemberView::from));
    }

    public Uni<Optional<MemberView>> find(SqlClient db, UUID org, UUID id) {
        return db.preparedQuery(SELECT + " AND m.id = $2")
                .execute(Sql.tuple(org, id))
                .map(rows -> Rows.first(rows, MemberView::from));
    }
}
