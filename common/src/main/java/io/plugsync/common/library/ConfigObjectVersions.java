package io.plugsync.common.library;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;

/**
 * Latest-version lookups (seed 001): the latest version of an object is its newest
 * {@code config_object_version} row by {@code created_at DESC, id DESC}; nothing stores a pointer.
 */
public final class ConfigObjectVersions {
    private static final String LATEST = "SELECT " + StoredVersion.COLUMNS
            + " FROM config_object_version v WHERE v.config_object_id = $1"
            + " ORDER BY v.created_at DESC, v.id DESC LIMIT 1";
    private static final String LATEST_LIVE = "SELECT " + StoredVersion.COLUMNS
            + " FROM config_object_version v WHERE v.config_object_id = $1 AND NOT v.is_deleted_version"
            + " ORDER BY v.created_at DESC, v.id DESC LIMIT 1";

    private ConfigObjectVersions() {}

    /** The latest version, deleted or not. */
    public static Uni<Optional<StoredVersion>> latest(SqlClient db, UUID configObjectId) {
        return db.preparedQuery(LATEST).execute(Tuple.of(configObjectId)).map(ConfigObjectVersions::first);
    }

    /** The newest version that is not a deleted (tombstone) version: what a restore brings back. */
    public static Uni<Optional<StoredVersion>> latestNotDeleted(SqlClient db, UUID configObjectId) {
        return db.preparedQuery(LATEST_LIVE).execute(Tuple.of(configObjectId)).map(ConfigObjectVersions::first);
    }

    private static Optional<StoredVersion> first(RowSet<Row> rows) {
        Iterator<Row> it = rows.iterator();
        return it.hasNext() ? Optional.of(StoredVersion.from(it.next())) : Optional.empty();
    }
}
