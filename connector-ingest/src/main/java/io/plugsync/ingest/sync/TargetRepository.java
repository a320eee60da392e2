package io.plugsync.ingest.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** GitHub connector targets and the instance/account they belong to. */
@ApplicationScoped
public class TargetRepository {
    private static final String SYNC_TARGET = "SELECT t.id, t.connector_instance_id, i.organization_id, t.remote_id,"
            + " t.external_target_ref, a.remote_id AS installation_id, t.last_synced_revision_ref,"
            + " (t.status = 'active' AND i.status = 'active' AND a.status = 'active') AS syncable"
            + " FROM connector_target t JOIN connector_instance i ON i.id = t.connector_instance_id"
            + " JOIN connector_account a ON a.id = i.connector_account_id WHERE t.connector_type = 'github'";

    /** Active targets of a repository branch (by name or, after renames, by repository id). */
    public Uni<List<TargetRef>> forPush(
            SqlClient db, String fullName, String repositoryId, String branch, String installationId) {
        return db.preparedQuery("SELECT t.id, t.connector_instance_id, t.remote_id FROM connector_target t"
                        + " JOIN connector_instance i ON i.id = t.connector_instance_id"
                        + " JOIN connector_account a ON a.id = i.connector_account_id"
                        + " WHERE t.connector_type = 'github' AND t.status = 'active' AND i.status = 'active'"
                        + " AND a.status = 'active' AND t.external_target_ref = $3"
                        + " AND (lower(t.remote_id) = lower($1) OR t.target_config_json ->> 'repository_id' = $2)"
                        + " AND ($4::text IS NULL OR a.remote_id = $4)")
                .execute(Tuple.of(fullName, repositoryId, branch, installationId))
                .map(rows -> {
                    List<TargetRef> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new TargetRef(
                            r.getUUID("id"), r.getUUID("connector_instance_id"), r.getString("remote_id"))));
                    return out;
                });
    }

    public Uni<Optional<SyncTarget>> find(SqlClient db, UUID targetId) {
        return db.preparedQuery(SYNC_TARGET + " AND t.id = $1")
                .execute(Tuple.of(targetId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(syncTarget(rows.iterator().next())));
    }

    /** Locks the target row for the apply transaction: one sync of a target applies at a time. */
    public Uni<Optional<SyncTarget>> lock(SqlClient db, UUID targetId) {
        return db.preparedQuery(SYNC_TARGET + " AND t.id = $1 FOR UPDATE OF t")
                .execute(Tuple.of(targetId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(syncTarget(rows.iterator().next())));
    }

    /** Every target that may sync, for the periodic head check. */
    public Uni<List<SyncTarget>> syncable(SqlClient db) {
        return db.preparedQuery(SYNC_TARGET
                        + " AND t.status = 'active' AND i.status = 'active' AND a.status = 'active' ORDER BY t.id")
                .execute()
                .map(rows -> {
                    List<SyncTarget> out = new ArrayList<>();
                    rows.forEach(r -> out.add(syncTarget(r)));
                    return out;
                });
    }

    public Uni<Void> markSynced(SqlClient db, SyncTarget target, String revision, String status) {
        return db.preparedQuery("UPDATE connector_target SET last_synced_revision_ref = $2, updated_at = now()"
                        + " WHERE id = $1")
                .execute(Tuple.of(target.targetId(), revision))
                .flatMap(ignored -> db.preparedQuery("UPDATE connector_instance SET last_synced_at = now(),"
                                + " last_sync_status = $2, last_sync_cursor = $3, updated_at = now() WHERE id = $1")
                        .execute(Tuple.of(target.instanceId(), status, revision)))
                .replaceWithVoid();
    }

    private static SyncTarget syncTarget(Row r) {
        return new SyncTarget(
                r.getUUID("id"),
                r.getUUID("connector_instance_id"),
                r.getUUID("organization_id"),
                r.getString("remote_id"),
                r.getString("external_target_ref"),
                r.getString("installation_id"),
                r.getString("last_synced_revision_ref"),
                r.getBoolean("syncable"));
    }
}
