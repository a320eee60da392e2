package io.plugsync.api.source;

import io.plugsync.api.library.support.Paging;
import io.plugsync.common.source.SourceStatus;
import io.plugsync.common.source.SourceTarget;
import io.plugsync.common.source.SyncEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sync events scoped to the organisation through their instance: the shared {@link SyncEvents} SQL, mapped to views. */
@ApplicationScoped
public class SyncEventRepository {

    public Uni<Optional<SyncEventView>> find(SqlClient db, UUID org, UUID id) {
        return SyncEvents.find(db, org, id).map(found -> found.map(SyncEventView::from));
    }

    /** Events of instances the member can see ({@code admin}: all), newest first. */
    public Uni<List<SyncEventView>> list(
            SqlClient db, UUID org, UUID member, boolean admin, UUID instanceId, String status, Paging paging) {
        SourceStatus.Sync wanted =
                status == null ? null : SourceStatus.Sync.parse(status).orElseThrow();
        return SyncEvents.list(db, org, member, admin, instanceId, wanted, paging.keyset())
                .map(rows -> rows.stream().map(SyncEventView::from).toList());
    }

    /** Queues a manual resync of a target. */
    public Uni<SyncEventView> queueResync(SqlClient db, SourceTarget target, String requestedBy) {
        return SyncEvents.queueResync(db, target, requestedBy).map(SyncEventView::from);
    }

    /** Re-queues a finished, unsuccessful event; empty when its status is not retryable. */
    public Uni<Optional<SyncEventView>> requeue(SqlClient db, UUID id) {
        return SyncEvents.requeue(db, id).map(found -> found.map(SyncEventView::from));
    }
}
