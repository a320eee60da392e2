package io.plugsync.api.library.object;

import io.plugsync.api.library.support.Sql;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Read-only SQL over {@code connector_source_binding} and {@code connector_source_tombstone}
 * (written by connector-ingest only). Callers load the object first: its id scopes everything.
 */
@ApplicationScoped
public class ProvenanceRepository {

    /**
     * Every binding of the object, oldest first, each with the latest earlier tombstone of another
     * object at the same (target, path) that {@code member} can see ({@code admin}: any): the
     * identity this binding took over.
     */
    public Uni<List<Provenance.Binding>> bindings(SqlClient db, UUID objectId, UUID member, boolean admin) {
        return db.preparedQuery("SELECT b.*, p.id AS previous_tombstone_id,"
                        + " p.former_config_object_id AS previous_config_object_id, p.created_at AS previous_deleted_at"
                        + " FROM connector_source_binding b"
                        + " LEFT JOIN LATERAL (SELECT t.id, t.former_config_object_id, t.created_at"
                        + "   FROM connector_source_tombstone t WHERE t.connector_target_id = b.connector_target_id"
                        + "   AND t.external_locator = b.external_locator AND t.former_config_object_id <> b.config_object_id"
                        + "   AND t.created_at <= b.created_at"
                        + "   AND ($3 OR library_object_rank(t.former_config_object_id, $2::uuid) > 0)"
                        + "   ORDER BY t.created_at DESC, t.id DESC LIMIT 1) p ON true"
                        + " WHERE b.config_object_id = $1 ORDER BY b.created_at, b.id")
                .execute(Sql.tuple(objectId, member, admin))
                .map(rows -> Rows.all(rows, Provenance.Binding::from));
    }

    /**
     * The object's tombstones, oldest first, each with the first later binding of another object
     * at the same (target, path) that {@code member} can see ({@code admin}: any).
     */
    public Uni<List<Provenance.Tombstone>> tombstones(SqlClient db, UUID objectId, UUID member, boolean admin) {
        return db.preparedQuery("SELECT t.*, n.id AS reappeared_binding_id,"
                        + " n.config_object_id AS reappeared_config_object_id, n.created_at AS reappeared_at"
                        + " FROM connector_source_tombstone t"
                        + " LEFT JOIN LATERAL (SELECT b.id, b.config_object_id, b.created_at"
                        + "   FROM connector_source_binding b WHERE b.connector_target_id = t.connector_target_id"
                        + "   AND b.external_locator = t.external_locator AND b.config_object_id <> t.former_config_object_id"
                        + "   AND b.created_at >= t.created_at"
                        + "   AND ($3 OR library_object_rank(b.config_object_id, $2::uuid) > 0)"
                        + "   ORDER BY b.created_at, b.id LIMIT 1) n ON true"
                        + " WHERE t.former_config_object_id = $1 ORDER BY t.created_at, t.id")
                .execute(Sql.tuple(objectId, member, admin))
                .map(rows -> Rows.all(rows, Provenance.Tombstone::from));
    }
}
