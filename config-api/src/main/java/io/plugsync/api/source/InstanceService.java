package io.plugsync.api.source;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actor;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.support.Paging;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Connector instances: private to their creator (manager), shared with grants; owners and
 * admins manage all. Targets, mappings and sync events inherit the instance's access.
 */
@ApplicationScoped
public class InstanceService {
    private final Pool pool;
    private final Actors actors;
    private final InstanceRepository instances;

    public InstanceService(Pool pool, Actors actors, InstanceRepository instances) {
        this.pool = pool;
        this.actors = actors;
        this.instances = instances;
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

    public Uni<Page<InstanceView>> list(Caller caller, UUID org, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> instances
                        .list(db, org, actor.membershipId(), actor.isOrgAdmin(), paging)
                        .map(rows -> paging.page(
                                rows.stream()
                                        .map(r -> r.instance()
                                                .withRole(actor.roleOn(r.rank(), "")
                                                        .wire()))
                                        .toList(),
                                InstanceView::createdAt,
                                InstanceView::id))));
    }

    public Uni<InstanceView> update(Caller caller, UUID org, UUID id, InstanceRequests.Update request) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> require(db, actor, id, AccessRole.EDITOR, "connector_instance:update")
                        .flatMap(instance -> {
                            request.validate();
                            return instances.update(db, id, request);
                        })
                        .flatMap(done -> require(db, actor, id, AccessRole.VIEWER, "connector_instance:read"))));
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
}
