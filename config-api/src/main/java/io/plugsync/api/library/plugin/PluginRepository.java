package io.plugsync.api.library.plugin;

import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Sql;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for plugins and their members; deleted plugins are gone for the API. */
@ApplicationScoped
public class PluginRepository {
    static final String SELECT = "SELECT p.*, library_plugin_rank(p.id, $2::uuid) AS access_rank,"
            + " (SELECT count(*) FROM plugin_config_object m WHERE m.plugin_id = p.id AND m.removed_at IS NULL)::int"
            + " AS member_count FROM plugin p";

    public record Ranked(PluginView plugin, int rank) {}

    public Uni<Optional<Ranked>> find(SqlClient db, UUID organizationId, UUID member, UUID id) {
        return db.preparedQuery(SELECT + " WHERE p.organization_id = $1 AND p.id = $3 AND p.status <> 'deleted'")
                .execute(Sql.tuple(organizationId, member, id))
                .map(rows -> Rows.first(rows, PluginRepository::ranked));
    }

    public Uni<List<Ranked>> list(SqlClient db, UUID organizationId, UUID member, boolean admin, Paging paging) {
        return db.preparedQuery(SELECT + " WHERE p.organization_id = $1 AND p.status <> 'deleted'"
                        + " AND ($3 OR library_plugin_rank(p.id, $2::uuid) > 0) AND " + Paging.after("p", 4, 5)
                        + " ORDER BY p.created_at DESC, p.id DESC LIMIT $6")
                .execute(Sql.tuple(
                        organizationId, member, admin, paging.afterCreatedAt(), paging.afterId(), paging.fetch()))
                .map(rows -> Rows.all(rows, PluginRepository::ranked));
    }

    public Uni<UUID> insert(SqlClient db, UUID organizationId, String name, String description, UUID member) {
        return db.preparedQuery("INSERT INTO plugin (organization_id, name, description, created_by_org_membership_id)"
                        + " VALUES ($1, $2, $3, $4) RETURNING id")
                .execute(Sql.tuple(organizationId, name, description, member))
                .map(rows -> rows.iterator().next().getUUID("id"));
    }

    public Uni<Void> update(SqlClient db, UUID id, PluginRequests.Update change) {
        return db.preparedQuery("UPDATE plugin SET name = coalesce($2, name), description = coalesce($3, description),"
                        + " status = coalesce($4, status), updated_at = now() WHERE id = $1")
                .execute(Sql.tuple(id, change.name(), change.description(), change.status()))
                .replaceWithVoid();
    }

    public Uni<Void> markDeleted(SqlClient db, UUID id) {
        return db.preparedQuery(
                        "UPDATE plugin SET status = 'deleted', deleted_at = now(), updated_at = now() WHERE id = $1")
                .execute(Sql.tuple(id))
                .replaceWithVoid();
    }

    public Uni<List<MemberView>> members(SqlClient db, UUID pluginId, Paging paging) {
        return db.preparedQuery("SELECT m.*, o.object_type, o.title, o.status AS object_status"
                        + " FROM plugin_config_object m JOIN config_object o ON o.id = m.config_object_id"
                        + " WHERE m.plugin_id = $1 AND m.removed_at IS NULL AND " + Paging.after("m", 2, 3)
                        + " ORDER BY m.created_at DESC, m.id DESC LIMIT $4")
                .execute(Sql.tuple(pluginId, paging.afterCreatedAt(), paging.afterId(), paging.fetch()))
                .map(rows -> Rows.all(rows, MemberView::from));
    }

    public Uni<Optional<MemberView>> member(SqlClient db, UUID pluginId, UUID objectId) {
        return db.preparedQuery("SELECT m.*, o.object_type, o.title, o.status AS object_status"
                        + " FROM plugin_config_object m JOIN config_object o ON o.id = m.config_object_id"
                        + " WHERE m.plugin_id = $1 AND m.config_object_id = $2 AND m.removed_at IS NULL")
                .execute(Sql.tuple(pluginId, objectId))
                .map(rows -> Rows.first(rows, MemberView::from));
    }

    /** The visible (to {@code member}) and non-deleted plugins among {@code ids}. */
    public Uni<List<Ranked>> findAll(SqlClient db, UUID organizationId, UUID member, List<UUID> ids) {
        return db.preparedQuery(SELECT + " WHERE p.organization_id = $1 AND p.id = ANY($3::uuid[])"
                        + " AND p.status <> 'deleted'")
                .execute(Sql.tuple(organizationId, member, ids.toArray(UUID[]::new)))
                .map(rows -> Rows.all(rows, PluginRepository::ranked));
    }

    /** A membership seen from the object, with the caller's rank on the plugin. */
    public record Holding(ObjectPluginView plugin, int rank) {}

    static final String HOLDING = "SELECT m.id, m.plugin_id, m.config_object_id, m.membership_source,"
            + " m.connector_mapping_id, m.created_at, p.name, p.status AS plugin_status,"
            + " library_plugin_rank(p.id, $2::uuid) AS access_rank"
            + " FROM plugin_config_object m JOIN plugin p ON p.id = m.plugin_id"
            + " WHERE p.organization_id = $1 AND m.config_object_id = $3 AND m.removed_at IS NULL"
            + " AND p.status <> 'deleted'";

    /** The plugins holding the object now that the member can see ({@code admin}: all), newest membership first. */
    public Uni<List<Holding>> holding(
            SqlClient db, UUID organizationId, UUID member, boolean admin, UUID objectId, Paging paging) {
        return db.preparedQuery(HOLDING + " AND ($4 OR library_plugin_rank(p.id, $2::uuid) > 0) AND "
                        + Paging.after("m", 5, 6) + " ORDER BY m.created_at DESC, m.id DESC LIMIT $7")
                .execute(Sql.tuple(
                        organizationId,
                        member,
                        objectId,
                        admin,
                        paging.afterCreatedAt(),
                        paging.afterId(),
                        paging.fetch()))
                .map(rows -> Rows.all(rows, PluginRepository::holding));
    }

    public Uni<Optional<Holding>> holdingOne(
            SqlClient db, UUID organizationId, UUID member, UUID objectId, UUID pluginId) {
        return db.preparedQuery(HOLDING + " AND m.plugin_id = $4")
                .execute(Sql.tuple(organizationId, member, objectId, pluginId))
                .map(rows -> Rows.first(rows, PluginRepository::holding));
    }

    static Holding holding(Row row) {
        return new Holding(ObjectPluginView.from(row), row.getInteger("access_rank"));
    }

    static Ranked ranked(Row row) {
        return new Ranked(PluginView.from(row), row.getInteger("access_rank"));
    }
}
