package io.plugsync.api.library.release;

import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Sql;
import io.plugsync.common.library.PluginResolution;
import io.plugsync.common.library.StoredVersion;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of plugin releases and their immutable item snapshots, and what a rollback needs to know;
 * releases are written by {@link io.plugsync.common.library.PluginReleases}.
 */
@ApplicationScoped
public class ReleaseRepository {
    private static final String SELECT = "SELECT r.*, (SELECT count(*) FROM plugin_release_item i"
            + " WHERE i.plugin_release_id = r.id)::int AS item_count FROM plugin_release r";

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

    /** The plugin's active memberships (live or not), locking the plugin row so rollbacks of one plugin queue. */
    public Uni<List<UUID>> lockMembers(SqlClient db, UUID pluginId) {
        return db.preparedQuery("SELECT id FROM plugin WHERE id = $1 FOR UPDATE")
                .execute(Sql.tuple(pluginId))
                .flatMap(locked -> db.preparedQuery("SELECT config_object_id FROM plugin_config_object"
                                + " WHERE plugin_id = $1 AND removed_at IS NULL ORDER BY config_object_id")
                        .execute(Sql.tuple(pluginId)))
                .map(rows -> Rows.all(rows, row -> row.getUUID("config_object_id")));
    }

    /**
     * Each object a release pinned, as it is now (status, mode, latest version, the member's rank
     * on it) with the pinned version; the object rows are locked until the rollback commits.
     */
    public Uni<List<RollbackTarget>> rollbackTargets(SqlClient db, UUID releaseId, UUID member) {
        return db.preparedQuery("SELECT o.object_type, o.title, o.source_mode, o.status, o.current_file_name,"
                        + " o.current_relative_path, library_object_rank(o.id, $2::uuid) AS access_rank,"
                        + " (SELECT lv.id FROM config_object_version lv WHERE lv.config_object_id = o.id"
                        + "   ORDER BY lv.created_at DESC, lv.id DESC LIMIT 1) AS latest_version_id, "
                        + StoredVersion.COLUMNS
                        + " FROM plugin_release_item i JOIN config_object o ON o.id = i.config_object_id"
                        + " JOIN config_object_version v ON v.id = i.config_object_version_id"
                        + " WHERE i.plugin_release_id = $1 ORDER BY o.title, o.id FOR UPDATE OF o")
                .execute(Sql.tuple(releaseId, member))
                .map(rows -> Rows.all(rows, RollbackTarget::from));
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
