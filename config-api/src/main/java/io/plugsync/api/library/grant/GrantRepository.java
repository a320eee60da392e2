package io.plugsync.api.library.grant;

import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Sql;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the grant tables: one logical row per principal, soft-removed and reactivated. */
@ApplicationScoped
public class GrantRepository {

    /** The member's rank on the resource, empty when it is not in the organisation. */
    public Uni<Optional<Integer>> rank(SqlClient db, GrantTarget target, UUID org, UUID member, UUID id) {
        return db.preparedQuery(target.rankSql)
                .execute(Sql.tuple(org, member, id))
                .map(rows -> Rows.first(rows, row -> row.getInteger(0)));
    }

    public Uni<List<GrantView>> list(SqlClient db, GrantTarget target, UUID id, Paging paging) {
        return db.preparedQuery("SELECT g.* FROM " + target.table + " g WHERE g." + target.column + " = $1"
                        + " AND g.removed_at IS NULL AND " + Paging.after("g", 2, 3)
                        + " ORDER BY g.created_at DESC, g.id DESC LIMIT $4")
                .execute(Sql.tuple(id, paging.afterCreatedAt(), paging.afterId(), paging.fetch()))
                .map(rows -> Rows.all(rows, GrantView::from));
    }

    /** Adds the grant or reactivates/changes the principal's existing one. */
    public Uni<GrantView> upsert(SqlClient db, GrantTarget target, UUID id, GrantRequest grant, UUID by) {
        return db.preparedQuery("INSERT INTO " + target.table + " (" + target.column + ", org_membership_id, team_id,"
                        + " org_wide, role, created_by_org_membership_id) VALUES ($1, $2, $3, $4, $5, $6)"
                        + " ON CONFLICT (" + target.column
                        + ", coalesce(org_membership_id::text, team_id::text, 'org'))"
                        + " DO UPDATE SET role = EXCLUDED.role, removed_at = NULL,"
                        + " created_by_org_membership_id = EXCLUDED.created_by_org_membership_id,"
                        + " created_at = CASE WHEN " + target.table + ".removed_at IS NULL THEN " + target.table
                        + ".created_at ELSE now() END RETURNING *")
                .execute(Sql.tuple(
                        id,
                        grant.orgMembershipId(),
                        grant.teamId(),
                        Boolean.TRUE.equals(grant.orgWide()),
                        grant.role(),
                        by))
                .map(rows -> GrantView.from(rows.iterator().next()));
    }

    /** The principal's active grant on the resource, locked until the transaction ends; empty when it has none. */
    public Uni<Optional<GrantView>> active(SqlClient db, GrantTarget target, UUID id, GrantRequest grant) {
        return db.preparedQuery("SELECT * FROM " + target.table + " WHERE " + target.column + " = $1"
                        + " AND coalesce(org_membership_id::text, team_id::text, 'org')"
                        + " = coalesce($2::uuid::text, $3::uuid::text, 'org') AND removed_at IS NULL FOR UPDATE")
                .execute(Sql.tuple(id, grant.orgMembershipId(), grant.teamId()))
                .map(rows -> Rows.first(rows, GrantView::from));
    }

    /** Soft-removes an active grant; the grant as it was, empty when there was none. */
    public Uni<Optional<GrantView>> remove(SqlClient db, GrantTarget target, UUID id, UUID grantId) {
        return db.preparedQuery("UPDATE " + target.table + " SET removed_at = now() WHERE id = $1 AND " + target.column
                        + " = $2 AND removed_at IS NULL RETURNING *")
                .execute(Sql.tuple(grantId, id))
                .map(rows -> Rows.first(rows, GrantView::from));
    }

    public Uni<Boolean> memberInOrg(SqlClient db, UUID org, UUID membershipId) {
        return db.preparedQuery(
                        "SELECT 1 FROM org_membership WHERE id = $1 AND organization_id = $2 AND removed_at IS NULL")
                .execute(Sql.tuple(membershipId, org))
                .map(rows -> rows.size() > 0);
    }

    /** A live team of the organisation, share-locked so a concurrent team delete waits for the grant. */
    public Uni<Boolean> teamInOrg(SqlClient db, UUID org, UUID teamId) {
        return db.preparedQuery(
                        "SELECT 1 FROM team WHERE id = $1 AND organization_id = $2 AND deleted_at IS NULL FOR SHARE")
                .execute(Sql.tuple(teamId, org))
                .map(rows -> rows.size() > 0);
    }
}
