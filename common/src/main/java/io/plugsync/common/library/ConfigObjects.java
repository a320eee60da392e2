package io.plugsync.common.library;

import io.plugsync.common.outbox.ConfigObjectChanged;
import io.plugsync.common.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.UUID;

/**
 * The writes of {@code config_object} that carry no new version, next to {@link
 * ConfigObjectWriter}: status changes (archive/restore, ingestion errors), a connector file's move
 * and the identity of a connector file that does not parse. A status change or a move appends
 * {@code config_object.changed} (the plugins holding the object resolve differently); every method
 * runs in the caller's transaction ({@code db}).
 */
public final class ConfigObjects {
    private ConfigObjects() {}

    /** {@code config_object.status} values. */
    public static final class Status {
        public static final String ACTIVE = "active";
        public static final String INACTIVE = "inactive";
        public static final String ARCHIVED = "archived";
        public static final String DELETED = "deleted";
        public static final String INGESTION_ERROR = "ingestion_error";

        private Status() {}
    }

    /** Sets the status of an object (archive, un-archive, ingestion error); its versions are untouched. */
    public static Uni<Void> setStatus(SqlClient db, UUID configObjectId, String status) {
        return db.preparedQuery("UPDATE config_object SET status = $2, updated_at = now() WHERE id = $1" + RETURNING)
                .execute(Tuple.of(configObjectId, status))
                .chain(rows -> changed(db, rows));
    }

    /** Same content under a new path: the identity and its versions stay, the current path changes. */
    public static Uni<Void> move(
            SqlClient db, UUID configObjectId, String fileName, String fileExtension, String relativePath) {
        return db.preparedQuery("UPDATE config_object SET current_file_name = $2, current_file_extension = $3,"
                        + " current_relative_path = $4, updated_at = now() WHERE id = $1" + RETURNING)
                .execute(Tuple.of(configObjectId, fileName, fileExtension, relativePath))
                .chain(rows -> changed(db, rows));
    }

    private static final String RETURNING = " RETURNING id, organization_id, status";

    private static Uni<Void> changed(SqlClient db, RowSet<Row> updated) {
        if (updated.size() == 0) {
            return Uni.createFrom().voidItem();
        }
        Row row = updated.iterator().next();
        return OutboxWriter.append(
                db,
                new ConfigObjectChanged(row.getUUID("organization_id"), row.getUUID("id"), row.getString("status")));
    }

    /**
     * The identity of a connector file whose content does not parse: status {@code
     * ingestion_error}, titled by its file name, no version; {@code createdBy} is its owner (the
     * member the connector acts for), or null.
     */
    public static Uni<UUID> createErrored(
            SqlClient db,
            UUID organizationId,
            ObjectType type,
            UUID connectorInstanceId,
            String fileName,
            String fileExtension,
            String relativePath,
            UUID createdBy) {
        return db.preparedQuery("INSERT INTO config_object (organization_id, object_type, source_mode, title,"
                        + " current_file_name, current_file_extension, current_relative_path, status,"
                        + " connector_instance_id, created_by_org_membership_id)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id")
                .execute(Tuple.from(new Object[] {
                    organizationId,
                    type.wire(),
                    SourceMode.CONNECTOR.wire(),
                    fileName,
                    fileName,
                    fileExtension,
                    relativePath,
                    Status.INGESTION_ERROR,
                    connectorInstanceId,
                    createdBy
                }))
                .map(rows -> rows.iterator().next().getUUID("id"));
    }
}
