package io.plugsync.common.library;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a plugin delivers (seed 001: "plugins link to config object identities, never directly to
 * object versions; plugin resolution always uses the latest active object version"). The one place
 * the rule is written; the API's {@code /resolved}, releases and delivery all read it from here.
 *
 * <ul>
 *   <li>a plugin now: every active membership (not removed) whose object is live, each at the
 *       object's latest version (newest {@code created_at}, ties broken by the larger {@code id}),
 *       skipped when that latest version is a deletion tombstone;
 *   <li>a release: exactly the versions it pinned when it was cut, whatever happened since.
 * </ul>
 *
 * <p>Live objects are {@code active} and {@code ingestion_error}: a file that fails to parse in its
 * repository keeps delivering its last good version rather than vanishing from every user.
 * {@code archived}, {@code deleted} and {@code inactive} objects are not delivered.
 */
public final class PluginResolution {
    private PluginResolution() {}

    /** Object statuses whose latest version a plugin delivers. */
    public static final List<String> LIVE_STATUSES =
            List.of(ConfigObjects.Status.ACTIVE, ConfigObjects.Status.INGESTION_ERROR);

    private static final String OBJECT_COLUMNS =
            "o.object_type, o.title, o.slug, o.current_file_name, o.current_relative_path, ";

    /**
     * The current resolution of plugin {@code $1}, unordered: the object's type, title, slug and
     * current file name and path, and
     * {@link StoredVersion#COLUMNS}. Usable as a subquery (a release snapshots it).
     */
    public static final String CURRENT = "SELECT " + OBJECT_COLUMNS + StoredVersion.COLUMNS
            + " FROM plugin_config_object m JOIN config_object o ON o.id = m.config_object_id"
            + " CROSS JOIN LATERAL (SELECT * FROM config_object_version lv WHERE lv.config_object_id = o.id"
            + "   ORDER BY lv.created_at DESC, lv.id DESC LIMIT 1) v"
            + " WHERE m.plugin_id = $1 AND m.removed_at IS NULL"
            + " AND o.status IN ('" + String.join("', '", LIVE_STATUSES) + "') AND NOT v.is_deleted_version";

    private static final String RELEASE = "SELECT " + OBJECT_COLUMNS + StoredVersion.COLUMNS
            + " FROM plugin_release_item i JOIN config_object o ON o.id = i.config_object_id"
            + " JOIN config_object_version v ON v.id = i.config_object_version_id"
            + " WHERE i.plugin_release_id = $1";

    private static final String ORDER = " ORDER BY o.title, o.id";

    /**
     * One delivered member: the object's type, current title, slug and current file name and path
     * (null for cloud objects), and the version delivered (sealed).
     */
    public record Member(
            String objectType, String title, String slug, String fileName, String relativePath, StoredVersion version) {
        public UUID configObjectId() {
            return version.configObjectId();
        }
    }

    /** The plugin as it resolves now, ordered by title then object id. */
    public static Uni<List<Member>> current(SqlClient db, UUID pluginId) {
        return db.preparedQuery(CURRENT + ORDER).execute(Tuple.of(pluginId)).map(PluginResolution::members);
    }

    /** The versions release {@code releaseId} pinned, ordered by title then object id. */
    public static Uni<List<Member>> release(SqlClient db, UUID releaseId) {
        return db.preparedQuery(RELEASE + ORDER).execute(Tuple.of(releaseId)).map(PluginResolution::members);
    }

    private static List<Member> members(RowSet<Row> rows) {
        List<Member> members = new ArrayList<>(rows.size());
        for (Row row : rows) {
            members.add(new Member(
                    row.getString("object_type"),
                    row.getString("title"),
                    row.getString("slug"),
                    row.getString("current_file_name"),
                    row.getString("current_relative_path"),
                    StoredVersion.from(row)));
        }
        return members;
    }
}
