package io.plugsync.api.source;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actor;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.PgErrors;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.source.SourceStatus;
import io.plugsync.common.source.SyncEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sync events: visible with their instance (viewer); editors of the instance retry unsuccessful
 * ones and decide on syncs the mass-deletion guard held: confirm (re-queued, applied with the
 * deletions) or discard (cancelled, nothing applied).
 */
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
        return page(caller, org, filter, paging, SyncEventView::from);
    }

    /** Held syncs ({@code needs_confirmation}) of the instances the caller can see. */
    public Uni<Page<HeldSyncView>> held(Caller caller, UUID org, UUID instanceId, Paging paging) {
        return page(
                caller,
                org,
                new SyncEventFilter(instanceId, SourceStatus.Sync.NEEDS_CONFIRMATION),
                paging,
                HeldSyncView::from);
    }

    public Uni<SyncEventView> get(Caller caller, UUID org, UUID id) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> find(db, actor, id, AccessRole.VIEWER, "connector_instance:read", false))
                .map(SyncEventView::from));
    }

    /** Re-queues a failed (or partly failed, cancelled, skipped) event. */
    public Uni<SyncEventView> retry(Caller caller, UUID org, UUID id) {
        return change(
                caller,
                org,
                id,
                event -> events.requeue(event.db(), id)
                        .plug(PgErrors.uniqueAs("already-queued", "a sync of this revision is already queued or done"))
                        .map(requeued -> requeued.orElseThrow(() -> ProblemException.conflict(
                                "not-retryable", "a " + event.event().status() + " sync event cannot be retried"))));
    }

    /** A held sync is queued again and applies the deletions it was held for. */
    public Uni<SyncEventView> confirmDeletions(Caller caller, UUID org, UUID id) {
        return change(
                caller,
                org,
                id,
                event -> events.confirmHeld(event.db(), id, event.actor().subject())
                        .map(confirmed -> notHeld(confirmed, event)));
    }

    /** A held sync is cancelled: nothing of it is applied, nothing else changes. */
    public Uni<SyncEventView> discard(Caller caller, UUID org, UUID id) {
        return change(
                caller,
                org,
                id,
                event -> events.discardHeld(event.db(), id, event.actor().subject())
                        .map(discarded -> notHeld(discarded, event)));
    }

    /** An event found for a change, with the transaction and actor that found it. */
    record Found(SqlClient db, Actor actor, SyncEvent event) {}

    private Uni<SyncEventView> change(Caller caller, UUID org, UUID id, Function<Found, Uni<SyncEvent>> work) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> find(db, actor, id, AccessRole.EDITOR, "connector_instance:sync", true)
                        .flatMap(event -> work.apply(new Found(db, actor, event))))
                .map(SyncEventView::from));
    }

    /** The event if the actor holds {@code needed} on its instance; a 404 of the event otherwise. */
    private Uni<SyncEvent> find(
            SqlClient db, Actor actor, UUID id, AccessRole needed, String capability, boolean live) {
        return events.find(db, actor.organizationId(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("sync event " + id)))
                .call(event -> live
                        ? instances.requireLive(db, actor, event.connectorInstanceId(), needed, capability)
                        : instances.require(db, actor, event.connectorInstanceId(), needed, capability))
                .onFailure(ProblemException.class)
                .transform(e -> ((ProblemException) e).problem().status() == 404
                        ? ProblemException.notFound("sync event " + id)
                        : e);
    }

    private <T> Uni<Page<T>> page(
            Caller caller, UUID org, SyncEventFilter filter, Paging paging, Function<SyncEvent, T> view) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> events.list(
                        db,
                        org,
                        actor.membershipId(),
                        actor.isOrgAdmin(),
                        filter.connectorInstanceId(),
                        filter.status(),
                        paging))
                .map(rows -> {
                    Page<SyncEvent> page = paging.page(rows, SyncEvent::startedAt, SyncEvent::id);
                    return new Page<>(page.items().stream().map(view).toList(), page.nextCursor());
                }));
    }

    private static SyncEvent notHeld(Optional<SyncEvent> changed, Found found) {
        return changed.orElseThrow(() -> ProblemException.conflict(
                "not-held", "a " + found.event().status() + " sync event is not waiting for confirmation"));
    }
}
