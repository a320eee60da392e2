package io.plugsync.api.source;

import io.plugsync.api.library.support.Paging;
import io.plugsync.common.source.SourceStatus;
import io.plugsync.common.source.SourceTarget;
import io.plugsync.common.source.SyncEvent;
import io.plugsync.common.source.SyncEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sync events scoped to the organisation through their instance: the shared {@link SyncEvents} SQL. */
@ApplicationScoped
public class SyncEventRepository {

    public Uni<Optional<SyncEvent>> find(SqlClient db, UUID org, UUID id) {
        return SyncEvents.find(db, org, id);
    }

    /** Events of instances the member can see ({@code admin}: all), newest first. */
    public Uni<List<SyncEvent>> list(
            SqlClient db,
            UUID org,
            UUID member,
            boolean admin,
            UUID instanceId,
            SourceStatus.Sync status,
            Paging paging) {
        return SyncEvents.list(db, org, member, admin, instanceId, status, paging.keyset());
    }

    /** Queues a manual resync of a target. */
    public Uni<SyncEventView> queueResync(SqlClient db, SourceTarget target, String requestedBy) {
        return SyncEvents.queueResync(db, target, requestedBy).map(SyncEventView::from);
    }

    /** Re-queues a finished, unsuccessful event; empty when its status is not retryable. */
    public Uni<Optional<SyncEvent>> requeue(SqlClient db, UUID id) {
        return SyncEvents.requeue(db, id);
    }

    /** Held -> queued with the deletions confirmed; empty when not held. */
    public Uni<Optional<SyncEvent>> confirmHeld(SqlClient db, UUID id, String by) {
        return SyncEvents.confirmHeld(db, id, by);
    }

    /** Held -> cancelled; empty when not held. */
    public Uni<Optional<SyncEvent>> discardHeld(SqlClient db, UUID id, String by) {
        return SyncEvents.discardHeld(db, id, by);
    }
}
