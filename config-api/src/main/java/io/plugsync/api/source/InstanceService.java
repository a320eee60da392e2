package io.plugsync.api.source;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actor;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.support.Paging;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.source.SourceKinds;
import io.plugsync.common.source.SourceStatus;
import io.plugsync.common.source.SourceTarget;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Connector instances: private to their creator (manager), shared with grants; owners and
 * admins manage all. Editors rename; managers disable, enable and archive (rbac.md). Targets,
 * mappings and sync events inherit the instance's access; an archived instance takes no more
 * changes and never syncs again.
 */
@ApplicationScoped
public class InstanceService {
    private final Pool pool;
    private final Actors actors;
    private final InstanceRepository instances;
    private final TargetRepository targets;
    private final Resyncs resyncs;

    public InstanceService(
            Pool pool, Actors actors, InstanceRepository instances, TargetRepository targets, Resyncs resyncs) {
        this.pool = pool;
        this.actors = actors;
        this.instances = instances;
        this.targets = targets;
        this.resyncs = resyncs;
    }

    public Uni<InstanceView> create(Caller caller, UUID org, InstanceRequests.Create request) {
        return pool.withTransaction(db -> actors.writer(db, caller, org).flatMap(actor -> {
            actor.requireOrgRole(OrgRole.EDITOR, "connector_instance:create");
            request.validate().throwIfAny("the connector instance is not valid");
            return instances.insert(db, org, request, actor.membershipId()).flatMap(id -> {
                if (id.isEmpty()) {
                    request.validate()
                            .require(
                                    false,
                                    "/connector_account_id",
                                    "no active connector account with this id",
                                    "reference")
                            .throwIfAny("the connector instance is not valid");
                }
                return require(db, actor, id.get(), AccessRole.VIEWER, "connector_instance:read");
            });
        }));
    }

    public Uni<InstanceView> get(Caller caller, UUID org, UUID id) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> require(db, actor, id, AccessRole.VIEWER, "connector_instance:read")));
    }

    /** Instances with {@code status}; without one, every instance but the archived ones. */
    public Uni<Page<InstanceView>> list(Caller caller, UUID org, SourceStatus.Instance status, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> instances
                        .list(db, org, actor.membershipId(), actor.isOrgAdmin(), status, paging)
                        .map(rows -> paging.page(
                                rows.stream()
                                        .map(r -> r.instance()
                                                .withRole(actor.roleOn(r.rank(), "")
                                                        .wire()))
                                        .toList(),
                                InstanceView::createdAt,
                                InstanceView::id))));
    }

    /**
     * Renames (editor) and/or sets the status (manager). Leaving {@code active} cancels the waiting
     * syncs of the instance's targets; returning to it queues a sync of each active target, so
     * changes made meanwhile are applied.
     */
    public Uni<InstanceView> update(Caller caller, UUID org, UUID id, InstanceRequests.Update request) {
        boolean statusChange = request.status() != null;
        AccessRole needed = statusChange ? AccessRole.MANAGER : AccessRole.EDITOR;
        String capability = !statusChange
                ? "connector_instance:update"
                : SourceStatus.Instance.ACTIVE.wire().equals(request.status())
                        ? "connector_instance:enable"
                        : "connector_instance:disable";
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> requireLive(db, actor, id, needed, capability).flatMap(before -> {
                    request.validate();
                    SourceStatus.Instance status = request.parsedStatus();
                    return instances
                            .update(db, id, request.name(), status)
                            .flatMap(done -> require(db, actor, id, AccessRole.VIEWER, "connector_instance:read"))
                            .call(after -> statusChanged(db, actor, before, after));
                })));
    }

    /** {@code POST .../disable}: the status change of {@link #update}. */
    public Uni<InstanceView> disable(Caller caller, UUID org, UUID id) {
        return update(caller, org, id, new InstanceRequests.Update(null, SourceStatus.Instance.DISABLED.wire()));
    }

    /** {@code POST .../enable}: the status change of {@link #update}. */
    public Uni<InstanceView> enable(Caller caller, UUID org, UUID id) {
        return update(caller, org, id, new InstanceRequests.Update(null, SourceStatus.Instance.ACTIVE.wire()));
    }

    /**
     * Archives the instance (manager; terminal): its waiting syncs are cancelled, a running one
     * stops at its apply step. Archiving an archived instance changes nothing.
     */
    public Uni<InstanceView> archive(Caller caller, UUID org, UUID id) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> require(db, actor, id, AccessRole.MANAGER, "connector_instance:archive")
                        .flatMap(instance -> instance.archived()
                                ? Uni.createFrom().item(instance)
                                : instances
                                        .archive(db, id)
                                        .flatMap(done -> cancelSyncs(db, id, "connector instance archived"))
                                        .flatMap(cancelled -> require(
                                                db, actor, id, AccessRole.VIEWER, "connector_instance:read")))));
    }

    /** The instance if the actor holds {@code needed}: 404 when invisible, 403 naming the capability. */
    public Uni<InstanceView> require(SqlClient db, Actor actor, UUID id, AccessRole needed, String capability) {
        return instances
                .find(db, actor.organizationId(), actor.membershipId(), id)
                .map(found -> {
                    InstanceRepository.Ranked row =
                            found.orElseThrow(() -> ProblemException.notFound("connector instance " + id));
                    return row.instance()
                            .withRole(actor.require(row.rank(), needed, capability, "connector instance " + id)
                                    .wire());
                });
    }

    /** As {@link #require}, for changes: an archived instance answers 409 {@code instance-archived}. */
    public Uni<InstanceView> requireLive(SqlClient db, Actor actor, UUID id, AccessRole needed, String capability) {
        return require(db, actor, id, needed, capability).map(instance -> {
            if (instance.archived()) {
                throw ProblemException.conflict("instance-archived", "the connector instance is archived");
            }
            return instance;
        });
    }

    private Uni<Void> statusChanged(SqlClient db, Actor actor, InstanceView before, InstanceView after) {
        if (before.active() == after.active()) {
            return Uni.createFrom().voidItem();
        }
        if (!after.active()) {
            return cancelSyncs(db, after.id(), "connector instance " + after.status())
                    .replaceWithVoid();
        }
        return targets.ofInstance(db, after.id())
                .flatMap(all -> Multi.createFrom()
                        .iterable(all)
                        .onItem()
                        .transformToUniAndConcatenate(target -> resyncs.queue(
                                db,
                                after,
                                target,
                                actor.subject(),
                                SourceKinds.SyncEventType.CONFIG_CHANGE,
                                "connector instance enabled"))
                        .collect()
                        .asList()
                        .replaceWithVoid());
    }

    private Uni<Integer> cancelSyncs(SqlClient db, UUID instanceId, String reason) {
        return targets.ofInstance(db, instanceId).flatMap(all -> resyncs.cancel(db, ids(all), reason));
    }

    private static List<UUID> ids(List<SourceTarget> targets) {
        return targets.stream().map(SourceTarget::id).toList();
    }
}
