package io.plugsync.api.source;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actor;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.plugin.PluginRepository;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.source.SourceKinds;
import io.plugsync.common.source.SourceMapping;
import io.plugsync.common.source.SourceMappings;
import io.plugsync.common.source.SourceStatus;
import io.plugsync.common.source.SourceTarget;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Mappings of a connector instance's targets: viewers read them, editors add, change, delete and
 * retire them; binding one to a plugin also needs edit rights on the plugin (rbac.md). The creator
 * is recorded (the sync attributes the objects it creates to them). A mapping that has synced is
 * retired instead of deleted; any add, change or retirement on a target that has synced queues a
 * resync of it. A null {@code instanceId} is a flat route ({@code /connector-mappings/{id}}).
 */
@ApplicationScoped
public class MappingService {
    private final Pool pool;
    private final Actors actors;
    private final InstanceService instances;
    private final SourceLookup lookup;
    private final TargetRepository targets;
    private final MappingRepository mappings;
    private final PluginRepository plugins;
    private final Resyncs resyncs;

    public MappingService(
            Pool pool,
            Actors actors,
            InstanceService instances,
            SourceLookup lookup,
            TargetRepository targets,
            MappingRepository mappings,
            PluginRepository plugins,
            Resyncs resyncs) {
        this.pool = pool;
        this.actors = actors;
        this.instances = instances;
        this.lookup = lookup;
        this.targets = targets;
        this.mappings = mappings;
        this.plugins = plugins;
        this.resyncs = resyncs;
    }

    /** The instance's mappings with {@code status} (active when null). */
    public Uni<Page<MappingView>> mappings(
            Caller caller, UUID org, UUID instanceId, SourceStatus.Mapping status, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(
                        actor -> instances.require(db, actor, instanceId, AccessRole.VIEWER, "connector_instance:read"))
                .flatMap(instance -> mappings.list(db, instanceId, null, active(status), paging))
                .map(rows -> paging.page(rows, MappingView::createdAt, MappingView::id)));
    }

    /** The target's mappings with {@code status} (active when null). */
    public Uni<Page<MappingView>> targetMappings(
            Caller caller, UUID org, UUID targetId, SourceStatus.Mapping status, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(
                        actor -> lookup.target(db, actor, null, targetId, AccessRole.VIEWER, "connector_instance:read"))
                .flatMap(found -> mappings.list(db, found.instance().id(), targetId, active(status), paging))
                .map(rows -> paging.page(rows, MappingView::createdAt, MappingView::id)));
    }

    public Uni<MappingView> mapping(Caller caller, UUID org, UUID instanceId, UUID id) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor ->
                        lookup.mapping(db, actor, instanceId, id, AccessRole.VIEWER, "connector_instance:read", false))
                .map(found -> MappingView.from(found.mapping())));
    }

    /** {@code POST /connector-instances/{id}/mappings}: the body names a target of the instance (else 422). */
    public Uni<SourceChange<MappingView>> addMapping(Caller caller, UUID org, UUID instanceId, MappingRequest request) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> instances
                        .requireLive(db, actor, instanceId, AccessRole.EDITOR, "connector_instance:update")
                        .flatMap(instance -> {
                            request.validate(null).throwIfAny("the mapping is not valid");
                            return targets.find(db, org, instanceId, request.connectorTargetId())
                                    .flatMap(target -> insert(
                                            db,
                                            actor,
                                            instance,
                                            target,
                                            request,
                                            request.validate(null)
                                                    .require(
                                                            target.isPresent(),
                                                            "/connector_target_id",
                                                            "no such target in this connector instance",
                                                            "reference")));
                        })));
    }

    /** {@code POST /connector-targets/{id}/mappings}: the target of the path (404 when unknown). */
    public Uni<SourceChange<MappingView>> addTargetMapping(
            Caller caller, UUID org, UUID targetId, MappingRequest request) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> lookup.liveTarget(
                                db, actor, null, targetId, AccessRole.EDITOR, "connector_instance:update")
                        .flatMap(found -> {
                            request.validate(targetId).throwIfAny("the mapping is not valid");
                            return insert(
                                    db,
                                    actor,
                                    found.instance(),
                                    Optional.of(found.target()),
                                    request,
                                    request.validate(targetId));
                        })));
    }

    /** Changes an active mapping (a retired one is a 409). */
    public Uni<SourceChange<MappingView>> updateMapping(
            Caller caller, UUID org, UUID instanceId, UUID id, MappingPatch patch) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> lookup.mapping(
                                db, actor, instanceId, id, AccessRole.EDITOR, "connector_instance:update", true)
                        .flatMap(found -> {
                            SourceMapping current = found.mapping();
                            if (current.retired()) {
                                throw ProblemException.conflict("mapping-retired", "the mapping is retired");
                            }
                            SourceMappings.Fields after = patch.applyTo(current);
                            if (after.equals(fieldsOf(current))) {
                                return Uni.createFrom().item(new SourceChange<>(MappingView.from(current), null));
                            }
                            UUID newPlugin = bindsPlugin(current, after) ? after.pluginId() : null;
                            return pluginCheck(db, actor, newPlugin)
                                    .flatMap(pluginOk -> {
                                        new Validation()
                                                .require(pluginOk, "/plugin_id", "no such plugin", "reference")
                                                .throwIfAny("the mapping change is not valid");
                                        return mappings.update(db, id, after);
                                    })
                                    .map(updated -> updated.orElseThrow(() ->
                                            ProblemException.conflict("mapping-retired", "the mapping is retired")))
                                    .flatMap(updated -> resync(db, actor, found.instance(), updated, "updated"));
                        })));
    }

    /**
     * Deletes a mapping nothing synced points to (empty: 204); retires one that has synced and
     * answers it (200). A retired mapping is answered as it is.
     */
    public Uni<Optional<SourceChange<MappingView>>> deleteMapping(Caller caller, UUID org, UUID instanceId, UUID id) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> lookup.mapping(
                                db, actor, instanceId, id, AccessRole.EDITOR, "connector_instance:update", true)
                        .flatMap(found -> {
                            if (found.mapping().retired()) {
                                return Uni.createFrom()
                                        .item(Optional.of(new SourceChange<>(MappingView.from(found.mapping()), null)));
                            }
                            return mappings.hasSynced(db, id)
                                    .flatMap(synced -> synced
                                            ? mappings.retire(db, id)
                                                    .flatMap(retired ->
                                                            resync(db, actor, found.instance(), retired, "retired"))
                                                    .map(Optional::of)
                                            : mappings.delete(db, id).replaceWith(Optional.empty()));
                        })));
    }

    private Uni<SourceChange<MappingView>> insert(
            SqlClient db,
            Actor actor,
            InstanceView instance,
            Optional<SourceTarget> target,
            MappingRequest request,
            Validation check) {
        return pluginCheck(db, actor, request.pluginId()).flatMap(pluginOk -> {
            check.require(pluginOk, "/plugin_id", "no such plugin", "reference").throwIfAny("the mapping is not valid");
            return mappings.insert(db, target.get(), request.mappingKind(), request.fields(), actor.membershipId())
                    .flatMap(created -> resync(db, actor, instance, created, "created"));
        });
    }

    /** Queues a resync of the mapping's target when that target has synced. */
    private Uni<SourceChange<MappingView>> resync(
            SqlClient db, Actor actor, InstanceView instance, SourceMapping mapping, String what) {
        return targets.find(db, actor.organizationId(), instance.id(), mapping.connectorTargetId())
                .flatMap(target -> target.isEmpty() || target.get().lastSyncedRevisionRef() == null
                        ? Uni.createFrom().<UUID>nullItem()
                        : resyncs.queue(
                                db,
                                instance,
                                target.get(),
                                actor.subject(),
                                SourceKinds.SyncEventType.CONFIG_CHANGE,
                                "mapping " + mapping.id() + " " + what))
                .map(queued -> new SourceChange<>(MappingView.from(mapping), queued));
    }

    /** Whether the change makes the mapping feed a plugin it did not feed before. */
    private static boolean bindsPlugin(SourceMapping current, SourceMappings.Fields after) {
        return after.pluginId() != null
                && (!after.pluginId().equals(current.pluginId())
                        || (after.autoAddToPlugin() && !current.autoAddToPlugin()));
    }

    private static SourceMappings.Fields fieldsOf(SourceMapping mapping) {
        return new SourceMappings.Fields(
                mapping.selector(),
                mapping.objectType(),
                mapping.pluginId(),
                mapping.autoAddToPlugin(),
                mapping.mappingConfig());
    }

    private static SourceStatus.Mapping active(SourceStatus.Mapping status) {
        return status == null ? SourceStatus.Mapping.ACTIVE : status;
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
}
