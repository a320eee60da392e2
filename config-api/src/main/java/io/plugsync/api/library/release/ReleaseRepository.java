package io.plugsync.api.library.release;

import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Sql;
import io.plugsync.common.library.PluginResolution;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for plugin releases and their immutable item snapshots. */
@ApplicationScoped
public class ReleaseRepository {
    private static final String SELECT = "SELECT r.*, (SELECT count(*) FROM plugin_release_item i"
            + " WHERE i.plugin_release_id = r.id)::int AS item_count FROM plugin_release r";

    /** Inserts a release and snapshots the plugin's resolved versions into it; returns its id. */
    public Uni<UUID> insert(SqlClient db, UUID pluginId, UUID member, String notes) {
        return db.preparedQuery(
                        "INSERT INTO plugin_release (plugin_id, release_kind, created_by_org_membership_id, notes)"
                                + " VALUES ($1, 'manual', $2, $3) RETURNING id")
                .execute(Sql.tuple(pluginId, member, notes))
                .map(rows -> rows.iterator().next().getUUID("id"))
                .call(id -> db.preparedQuery("INSERT INTO plugin_release_item"
                                + " (plugin_release_id, config_object_id, config_object_version_id)"
                                + " SELECT $2::uuid, x.config_object_id, x.id FROM (" + PluginResolution.CURRENT
                                + ") x")
                        .execute(Sql.tuple(pluginId, id)));
    }

    public Uni<Optional<ReleaseView>> find(SqlClient db, UUID pluginId, UUID releaseId) {
        return db.preparedQuery(SELECT + " WHERE r.plugin_id = $1 AND r.id = $2")
                .execute(Sql.tuple(pluginId, releaseId))
                .map(rows -> Rows.first(rows, ReleaseRepository::view));
    }

    public Uni<List<ReleaseView>> list(SqlClient db, UUID pluginId, Paging paging) {
        return db.preparedQuery(SELECT + " WHERE r.plugin_id = $1 AND " + Paging.after("r", 2, 3)
                        + " ORDER BY r.created_at DESC, r.id DESC LIMIT $4")
                .execute(Sql.tuple(pluginId, paging.afterCreatedAt(), paging.afterId(), paging.fetch()))
                .map(rows -> Rows.all(rows, ReleaseRepository::view));
    }

    /** The versions the release pinned, with each object's type and current title. */
    public Uni<List<ReleaseView.Item>> items(SqlClient db, UUID releaseId) {
        return PluginResolution.release(db, releaseId)
                .map(members -> members.stream()
                        .map(m -> new ReleaseView.Item(
                                m.configObjectId(), m.version().id(), m.objectType(), m.title()))
                        .toList());
    }

    static ReleaseView view(Row row) {
        return new ReleaseView(
                row.getUUID("id"),
                row.getUUID("plugin_id"),
                row.getString("release_kind"),
                row.getString("notes"),
                row.getUUID("created_by_org_membership_id"),
                row.getOffsetDateTime("created_at"),
                row.getInteger("item_count"),
                null);
    }
}
