package io.plugsync.ingest.sync;

import io.plugsync.common.source.SourceInstances;
import io.plugsync.common.source.SourceStatus;
import io.plugsync.common.source.SourceTargets;
import io.plugsync.common.source.SyncTarget;
import io.plugsync.common.source.TargetRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** GitHub targets as the sync sees them: a CDI seam over the shared {@link SourceTargets} SQL in common. */
@ApplicationScoped
public class TargetRepository {

    /** Active targets of a repository branch (by name or, after renames, by repository id). */
    public Uni<List<TargetRef>> forPush(
            SqlClient db, String fullName, String repositoryId, String branch, String installationId) {
        return SourceTargets.forPush(db, fullName, repositoryId, branch, installationId);
    }

    public Uni<Optional<SyncTarget>> find(SqlClient db, UUID targetId) {
        return SourceTargets.syncTarget(db, targetId);
    }

    /** Locks the target row for the apply transaction: one sync of a target applies at a time. */
    public Uni<Optional<SyncTarget>> lock(SqlClient db, UUID targetId) {
        return SourceTargets.lockSyncTarget(db, targetId);
    }

    /** Every target that may sync, for the periodic head check. */
    public Uni<List<SyncTarget>> syncable(SqlClient db) {
        return SourceTargets.syncable(db);
    }

    /** The target is at {@code revision}; its instance's last sync ended with {@code status}. */
    public Uni<Void> markSynced(SqlClient db, SyncTarget target, String revision, SourceStatus.Sync status) {
        return SourceTargets.markSynced(db, target.targetId(), revision)
                .flatMap(ignored -> SourceInstances.markSynced(db, target.instanceId(), status, revision));
    }
}
