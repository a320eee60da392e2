package io.plugsync.api.source;

import io.plugsync.common.source.SourceStatus;
import io.plugsync.common.source.SourceTarget;
import io.plugsync.common.source.SyncEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * What admin changes do to the sync queue, in the change's transaction: a change of what a target
 * syncs queues one sync of it (de-duplicated with one already waiting), stopping an instance or a
 * target cancels its waiting syncs.
 */
@ApplicationScoped
public class Resyncs {

    /**
     * Queues a sync of the target when it may sync now (instance and target active); the queued (or
     * already waiting) event's id, null when none.
     */
    public Uni<UUID> queue(
            SqlClient db,
            InstanceView instance,
            SourceTarget target,
            String requestedBy,
            String eventType,
            String change) {
        if (!instance.active() || !SourceStatus.Target.ACTIVE.wire().equals(target.status())) {
            return Uni.createFrom().nullItem();
        }
        return SyncEvents.queueOnce(
                db, target, eventType, SyncEvents.summary("requested_by", requestedBy, "change", change));
    }

    /** Cancels the queued and held syncs of the targets; returns how many. */
    public Uni<Integer> cancel(SqlClient db, List<UUID> targetIds, String reason) {
        if (targetIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return SyncEvents.cancelQueued(db, targetIds, reason);
    }
}
