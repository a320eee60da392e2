package io.plugsync.api.source;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.PgErrors;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Sync events: visible with their instance; editors of the instance retry failed ones. */
@ApplicationScoped
public class SyncEventService {
    private final Pool pool;
    private final Actors actors;
    private final InstanceService instances;
    private final SyncEventRepository events;

    public SyncEventService(Pool pool, Actors actors, InstanceService instances, SyncEventRepository events) {
        this.pool = pool;
        this.actors = actors;
        this.instances = instances;
        this.events = events;
    }

    public Uni<Page<SyncEventView>> list(Caller caller, UUID org, SyncEventFilter filter, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> events.list(
                        db,
                        org,
                        actor.membershipId(),
                        actor.isOrgAdmin(),
                        filter.connectorInstanceId(),
                        filter.status(),
                        paging))
                .map(rows -> paging.page(rows, SyncEventView::startedAt, SyncEventView::id)));
    }

    public Uni<SyncEventView> get(Caller caller, UUID org, UUID id) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> events.find(db, org, id)
                        .map(found -> found.orElseThrow(() -> ProblemException.notFound("sync event " + id)))
                        .call(event -> instances.require(
                                db, actor, event.connectorInstanceId(), AccessRole.VIEWER, "connector_instance:read"))
                        .onFailure(ProblemException.class)
                        .transform(e -> ((ProblemException) e).problem().status() == 404
                                ? ProblemException.notFound("sync event " + id)
                                : e)));
    }

    /** Re-queues a failed (or partly failed, cancelled, skipped) event. */
    public Uni<SyncEventView> retry(Caller caller, UUID org, UUID id) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> events.find(db, org, id)
                        .map(found -> found.orElseThrow(() -> ProblemException.notFound("sync event " + id)))
                        .call(event -> instances.require(
                                db, actor, event.connectorInstanceId(), AccessRole.EDITOR, "connector_instance:sync"))
                        .flatMap(event -> events.requeue(db, id)
                                .plug(PgErrors.uniqueAs(
                                        "already-queued", "a sync of this revision is already queued or done"))
                                .map(requeued -> requeued.orElseThrow(() -> ProblemException.conflict(
                                        "not-retryable", "a " + event.status() + " sync event cannot be retried"))))));
    }
}
