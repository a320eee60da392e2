package io.plugsync.api.source;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actor;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.plugin.PluginRepository;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.PgErrors;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.source.SourceStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Targets and mappings of a connector instance: viewers of the instance read them, editors
 * change them and queue resyncs.
 */
@ApplicationScoped
public class ConnectorSourceService {
    private final Pool pool;
    private final Actors actors;
    private final InstanceService instances;
    private final TargetRepository targets;
    private final MappingRepository mappings;
    private final SyncEventRepository events;
    private final PluginRepository plugins;

    public ConnectorSourceService(
            Pool pool,
            Actors actors,
            InstanceService instances,
            TargetRepository targets,
            MappingRepository mappings,
            SyncEventRepository events,
            PluginRepository plugins) {
        this.pool = pool;
        this.actors = actors;
        this.instances = instances;
        this.targets = targets;
        this.mappings = mappings;
        this.events = events;
        this.plugins = plugins;
    }

    public Uni<Page<TargetView>> targets(Caller caller, UUID org, UUID instanceId, Paging paging) {
        return read(
                caller,
                org,
                instanceId,
                (db, actor) -> targets.list(db, instanceId, paging)
                        .map(rows -> paging.page(rows, TargetView::createdAt, TargetView::id)));
    }

    public Uni<TargetView> target(Caller caller, UUID org, UUID instanceId, UUID id) {
        return read(caller, org, instanceId, (db, actor) -> findTarget(db, instanceId, id));
    }

    public Uni<TargetView> addTarget(Caller caller, UUID org, UUID instanceId, TargetRequest request) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor ->
                        instances.require(db, actor, instanceId, AccessRole.EDITOR, "connector_instance:update"))
                .flatMap(instance -> {
                    request.validate(instance.connectorType());
                    return targets.insert(db, instance, request)
                            .plug(PgErrors.uniqueAs("target-exists", "this instance already has that target"));
                }));
    }

    /** Queues a manual resync of a target (a {@code queued} sync event). */
    public Uni<SyncEventView> resync(Caller caller, UUID org, UUID instanceId, UUID targetId) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> instances
                        .require(db, actor, instanceId, AccessRole.EDITOR, "connector_instance:sync")
                        .flatMap(instance -> {
                            if (!SourceStatus.Instance.ACTIVE.wire().equals(instance.status())) {
                                throw ProblemException.conflict(
                                        "instance-" + instance.status(),
                                        "the connector instance is " + instance.status());
                            }
                            return targets.row(db, instanceId, targetId)
                                    .map(found ->
                                            found.orElseThrow(() -> ProblemException.notFound("target " + targetId)));
                        })
                        .flatMap(target -> {
                            if (!SourceStatus.Target.ACTIVE.wire().equals(target.status())) {
                                throw ProblemException.conflict("target-disabled", "the target is disabled");
                            }
                            return events.queueResync(db, target, actor.subject());
                        })));
    }

    public Uni<Page<MappingView>> mappings(Caller caller, UUID org, UUID instanceId, Paging paging) {
        return read(
                caller,
                org,
                instanceId,
                (db, actor) -> mappings.list(db, instanceId, paging)
                        .map(rows -> paging.page(rows, MappingView::createdAt, MappingView::id)));
    }

    public Uni<MappingView> mapping(Caller caller, UUID org, UUID instanceId, UUID id) {
        return read(
                caller,
                org,
                instanceId,
                (db, actor) -> mappings.find(db, instanceId, id)
                        .map(found -> found.orElseThrow(() -> ProblemException.notFound("mapping " + id))));
    }

    /** The target must belong to the instance; a plugin must be one the caller may edit. */
    public Uni<MappingView> addMapping(Caller caller, UUID org, UUID instanceId, MappingRequest request) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> instances
                        .require(db, actor, instanceId, AccessRole.EDITOR, "connector_instance:update")
                        .flatMap(instance -> {
                            request.validate().throwIfAny("the mapping is not valid");
                            return targets.row(db, instanceId, request.connectorTargetId())
                                    .flatMap(target -> pluginCheck(db, actor, request.pluginId())
                                            .map(pluginOk -> {
                                                var check = request.validate()
                                                        .require(
                                                                target.isPresent(),
                                                                "/connector_target_id",
                                                                "no such target in this connector instance",
                                                                "reference")
                                                        .require(pluginOk, "/plugin_id", "no such plugin", "reference");
                                                check.throwIfAny("the mapping is not valid");
                                                return target.get();
                                            }))
                                    .flatMap(target -> mappings.insert(db, target, request));
                        })));
    }

    public Uni<Void> deleteMapping(Caller caller, UUID org, UUID instanceId, UUID id) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor ->
                        instances.require(db, actor, instanceId, AccessRole.EDITOR, "connector_instance:update"))
                .flatMap(instance -> mappings.find(db, instanceId, id))
                .flatMap(found -> {
                    found.orElseThrow(() -> ProblemException.notFound("mapping " + id));
                    return mappings.delete(db, id)
                            .onFailure(e ->
                                    e instanceof io.vertx.pgclient.PgException pg && "23503".equals(pg.getSqlState()))
                            .transform(e -> ProblemException.conflict(
                                    "mapping-in-use", "synced objects are bound to this mapping"));
                }));
    }

    /** A plugin reference is valid when visible and editable by the actor; 403 when visible only. */
    private Uni<Boolean> pluginCheck(SqlClient db, Actor actor, UUID pluginId) {
        if (pluginId == null) {
            return Uni.createFrom().item(true);
        }
        return plugins.find(db, actor.organizationId(), actor.membershipId(), pluginId)
                .map(found -> {
                    if (found.isEmpty() || (!actor.isOrgAdmin() && found.get().rank() == 0)) {
                        return false;
                    }
                    actor.require(found.get().rank(), AccessRole.EDITOR, "plugin:update_members", "plugin " + pluginId);
                    return true;
                });
    }

    private Uni<TargetView> findTarget(SqlClient db, UUID instanceId, UUID id) {
        return targets.find(db, instanceId, id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("target " + id)));
    }

    interface Read<T> {
        Uni<T> apply(SqlClient db, Actor actor);
    }

    private <T> Uni<T> read(Caller caller, UUID org, UUID instanceId, Read<T> work) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> instances
                        .require(db, actor, instanceId, AccessRole.VIEWER, "connector_instance:read")
                        .flatMap(instance -> work.apply(db, actor))));
    }
}
