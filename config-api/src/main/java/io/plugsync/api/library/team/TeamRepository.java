package io.plugsync.api.library.team;

import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Sql;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for teams (V1, V12) and their memberships. Deleted teams ({@code deleted_at}) are gone for
 * the API; memberships are plain rows (deleted on leave), grants are soft-removed.
 */
@ApplicationScoped
public class TeamRepository {
    static final String SELECT = "SELECT t.*, (SELECT count(*) FROM team_membership tm WHERE tm.team_id = t.id)::int"
            + " AS member_count FROM team t WHERE t.organization_id = $1 AND t.deleted_at IS NULL";

    /** A plugin grant the team held. */
    public record PluginGrant(UUID grantId, UUID pluginId) {}

    public Uni<List<TeamView>> list(SqlClient db, UUID org, Paging paging) {
        return db.preparedQuery(
                        SELECT + " AND " + Paging.after("t", 2, 3) + " ORDER BY t.created_at DESC, t.id DESC LIMIT $4")
                .execute(Sql.tuple(org, paging.afterCreatedAt(), paging.afterId(), paging.fetch()))
                .map(rows -> Rows.all(rows, TeamView::from));
    }

    public Uni<Optional<TeamView>> find(SqlClient db, UUID org, UUID id) {
        return db.preparedQuery(SELECT + " AND t.id = $2")
                .execute(Sql.tuple(org, id))
                .map(rows -> Rows.first(rows, TeamView::from));
    }

    /** Locks a live team of the organisation for a write; false when there is none. */
    public Uni<Boolean> lock(SqlClient db, UUID org, UUID id) {
        return db.preparedQuery(
                        "SELECT 1 FROM team WHERE id = $1 AND organization_id = $2 AND deleted_at IS NULL FOR UPDATE")
                .execute(Sql.tuple(id, org))
                .map(rows -> rows.size() > 0);
    }

    public Uni<UUID> insert(SqlClient db, UUID org, String name) {
        return db.preparedQuery("INSERT INTO team (organization_id, name) VALUES ($1, $2) RETURNING id")
                .execute(Sql.tuple(org, name))
                .map(rows -> rows.iterator().next().getUUID("id"));
    }

    /** True when the name changed (renaming to the current name is no change). */
    public Uni<Boolean> rename(SqlClient db, UUID id, String name) {
        return db.preparedQuery("UPDATE team SET name = $2, updated_at = now() WHERE id = $1 AND name <> $2")
                .execute(Sql.tuple(id, name))
                .map(rows -> rows.rowCount() > 0);
    }

    public Uni<Void> markDeleted(SqlClient db, UUID id) {
        return db.preparedQuery("UPDATE team SET deleted_at = now(), updated_at = now() WHERE id = $1")
                .execute(Sql.tuple(id))
                .replaceWithVoid();
    }

    public Uni<List<TeamMemberView>> members(SqlClient db, UUID id) {
        return db.preparedQuery(
                        "SELECT tm.org_membership_id, tm.created_at AS added_at, om.subject, om.display_name, om.role"
                                + " FROM team_membership tm JOIN org_membership om ON om.id = tm.org_membership_id"
                                + " WHERE tm.team_id = $1 ORDER BY tm.created_at, tm.id")
                .execute(Sql.tuple(id))
                .map(rows -> Rows.all(rows, TeamMemberView::from));
    }

    /** An active member of the organisation, share-locked while it joins a team. */
    public Uni<Boolean> memberInOrg(SqlClient db, UUID org, UUID membershipId) {
        return db.preparedQuery("SELECT 1 FROM org_membership WHERE id = $1 AND organization_id = $2"
                        + " AND removed_at IS NULL FOR SHARE")
                .execute(Sql.tuple(membershipId, org))
                .map(rows -> rows.size() > 0);
    }

    /** True when the member joined; false when it already was a member. */
    public Uni<Boolean> addMember(SqlClient db, UUID id, UUID membershipId) {
        return db.preparedQuery("INSERT INTO team_membership (team_id, org_membership_id) VALUES ($1, $2)"
                        + " ON CONFLICT (team_id, org_membership_id) DO NOTHING RETURNING id")
                .execute(Sql.tuple(id, membershipId))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Boolean> removeMember(SqlClient db, UUID id, UUID membershipId) {
        return db.preparedQuery("DELETE FROM team_membership WHERE team_id = $1 AND org_membership_id = $2")
                .execute(Sql.tuple(id, membershipId))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Deletes every membership of the team; the members it had. */
    public Uni<List<UUID>> removeAllMembers(SqlClient db, UUID id) {
        return db.preparedQuery("DELETE FROM team_membership WHERE team_id = $1 RETURNING org_membership_id")
                .execute(Sql.tuple(id))
                .map(rows -> Rows.all(rows, row -> row.getUUID("org_membership_id")));
    }

    /** Soft-removes the team's active plugin grants; the grants it held. */
    public Uni<List<PluginGrant>> revokePluginGrants(SqlClient db, UUID id) {
        return db.preparedQuery("UPDATE plugin_access_grant SET removed_at = now()"
                        + " WHERE team_id = $1 AND removed_at IS NULL RETURNING id, plugin_id")
                .execute(Sql.tuple(id))
                .map(rows -> Rows.all(rows, row -> new PluginGrant(row.getUUID("id"), row.getUUID("plugin_id"))));
    }

    /** Soft-removes the team's active grants on config objects and connector instances. */
    public Uni<Void> revokeOtherGrants(SqlClient db, UUID id) {
        return db.preparedQuery("UPDATE config_object_access_grant SET removed_at = now()"
                        + " WHERE team_id = $1 AND removed_at IS NULL")
                .execute(Sql.tuple(id))
                .flatMap(done -> db.preparedQuery("UPDATE connector_instance_access_grant SET removed_at = now()"
                                + " WHERE team_id = $1 AND removed_at IS NULL")
                        .execute(Sql.tuple(id)))
                .replaceWithVoid();
    }
}
