package io.plugsync.api.source;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.PgErrors;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.source.SourceKinds;
import io.plugsync.common.source.SourceStatus;
import io.plugsync.common.source.SourceTarget;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Targets of a connector instance: viewers of the instance read them, editors add and change them
 * and queue resyncs. A new target's first sync is queued at once; changing its branch or enabling
 * it again queues a sync, disabling it cancels its waiting syncs. A null {@code instanceId} is the
 * flat route ({@code /connector-targets/{id}}).
 */
@ApplicationScoped
public class TargetService {
    private final Pool pool;
    private final Actors actors;
    private final InstanceService instances;
    private final SourceLookup lookup;
    private final TargetRepository targets;
    private final SyncEventRepository events;
    private final Resyncs resyncs;

    public TargetService(
            Pool pool,
            Actors actors,
            InstanceService instances,
            SourceLookup lookup,
            TargetRepository targets,
            SyncEventRepository events,
            Resyncs resyncs) {
        this.pool = pool;
        this.actors = actors;
        this.instances = instances;
        this.lookup = lookup;
        this.targets = targets;
        this.events = events;
        this.resyncs = resyncs;
    }

    public Uni<Page<TargetView>> targets(Caller caller, UUID org, UUID instanceId, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(
                        actor -> instances.require(db, actor, instanceId, AccessRole.VIEWER, "connector_instance:read"))
                .flatMap(instance -> targets.list(db, instanceId, paging))
                .map(rows -> paging.page(rows, TargetView::createdAt, TargetView::id)));
    }

    public Uni<TargetView> target(Caller caller, UUID org, UUID instanceId, UUID id) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(
                        actor -> lookup.target(db, actor, instanceId, id, AccessRole.VIEWER, "connector_instance:read"))
                .map(found -> TargetView.from(found.target())));
    }

    /** Adds a target and queues its initial sync (when the instance is active). */
    public Uni<SourceChange<TargetView>> addTarget(Caller caller, UUID org, UUID instanceId, TargetRequest request) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> instances
                        .requireLive(db, actor, instanceId, AccessRole.EDITOR, "connector_instance:update")
                        .flatMap(instance -> {
                            request.validate(instance.connectorType());
                            return targets.insert(db, instance, request)
                                    .plug(PgErrors.uniqueAs("target-exists", "this instance already has that target"))
                                    .flatMap(target -> resyncs.queue(
                                                    db,
                                                    instance,
                                                    target,
                                                    actor.subject(),
                                                    SourceKinds.SyncEventType.INITIAL_SYNC,
                                                    "target created")
                                            .map(queued -> new SourceChange<>(TargetView.from(target), queued)));
                        })));
    }

    /** Changes the branch and/or status. */
    public Uni<SourceChange<TargetView>> updateTarget(
            Caller caller, UUID org, UUID instanceId, UUID id, TargetPatch patch) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> lookup.liveTarget(
                                db, actor, instanceId, id, AccessRole.EDITOR, "connector_instance:update")
                        .flatMap(found -> {
                            patch.validate();
                            return targets.update(db, id, patch.externalTargetRef(), patch.parsedStatus())
                                    .plug(PgErrors.uniqueAs(
                                            "target-exists", "this instance already has a target of that branch"))
                                    .flatMap(after -> changed(
                                                    db, found.instance(), found.target(), after, actor.subject())
                                            .map(queued -> new SourceChange<>(TargetView.from(after), queued)));
                        })));
    }

    /** Queues a manual resync of a target (a {@code queued} sync event). */
    public Uni<SyncEventView> resync(Caller caller, UUID org, UUID instanceId, UUID id) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> lookup.liveTarget(
                                db, actor, instanceId, id, AccessRole.EDITOR, "connector_instance:sync")
                        .flatMap(found -> {
                            InstanceView instance = found.instance();
                            if (!instance.active()) {
                                throw ProblemException.conflict(
                                        "instance-" + instance.status(),
                                        "the connector instance is " + instance.status());
                            }
                            if (!SourceStatus.Target.ACTIVE
                                    .wire()
                                    .equals(found.target().status())) {
                                throw ProblemException.conflict("target-disabled", "the target is disabled");
                            }
                            return events.queueResync(db, found.target(), actor.subject());
                        })));
    }

    private Uni<UUID> changed(
            SqlClient db, InstanceView instance, SourceTarget before, SourceTarget after, String requestedBy) {
        boolean disabled = !after.status().equals(before.status())
                && SourceStatus.Target.DISABLED.wire().equals(after.status());
        if (disabled) {
            return resyncs.cancel(db, List.of(after.id()), "target disabled").map(cancelled -> (UUID) null);
        }
        String change = null;
        if (!after.status().equals(before.status())) {
            change = "target enabled";
        } else if (!Objects.equals(before.externalTargetRef(), after.externalTargetRef())) {
            change = "branch changed from " + before.externalTargetRef() + " to " + after.externalTargetRef();
        }
        if (change == null) {
            return Uni.createFrom().nullItem();
        }
        return resyncs.queue(db, instance, after, requestedBy, SourceKinds.SyncEventType.CONFIG_CHANGE, change);
    }
}
