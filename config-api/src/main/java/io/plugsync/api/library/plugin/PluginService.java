package io.plugsync.api.library.plugin;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actor;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.object.ConfigObjectRepository;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.library.PluginMemberships;
import io.plugsync.common.library.PluginResolution;
import io.plugsync.common.library.VersionContent;
import io.plugsync.common.library.VersionSealer;
import io.plugsync.common.outbox.OutboxWriter;
import io.plugsync.common.outbox.PluginChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;

/** Plugins: CRUD, membership and the resolved view. */
@ApplicationScoped
public class PluginService {
    private final Pool pool;
    private final Actors actors;
    private final PluginRepository plugins;
    private final ConfigObjectRepository objects;
    private final VersionSealer sealer;

    public PluginService(
            Pool pool, Actors actors, PluginRepository plugins, ConfigObjectRepository objects, VersionSealer sealer) {
        this.pool = pool;
        this.actors = actors;
        this.plugins = plugins;
        this.objects = objects;
        this.sealer = sealer;
    }

    /** A membership change: the member and whether it was newly added or reactivated. */
    public record MemberChange(MemberView member, boolean changed) {}

    public Uni<PluginView> create(Caller caller, UUID org, PluginRequests.Create request) {
        return pool.withTransaction(db -> actors.writer(db, caller, org).flatMap(actor -> {
            actor.requireOrgRole(OrgRole.EDITOR, "plugin:create");
            request.validate();
            return plugins.insert(db, org, request.name().strip(), request.description(), actor.membershipId())
                    .flatMap(id -> load(db, actor, id))
                    .call(plugin -> changed(db, org, plugin.id(), plugin.status()));
        }));
    }

    public Uni<PluginView> get(Caller caller, UUID org, UUID id) {
        return pool.withConnection(db -> actors.reader(db, caller, org).flatMap(actor -> load(db, actor, id)));
    }

    public Uni<Page<PluginView>> list(Caller caller, UUID org, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> plugins.list(db, org, actor.membershipId(), actor.isOrgAdmin(), paging)
                        .map(rows -> paging.page(
                                rows.stream()
                                        .map(r -> r.plugin()
                                                .withRole(actor.roleOn(r.rank(), "")
                                                        .wire()))
                                        .toList(),
                                PluginView::createdAt,
                                PluginView::id))));
    }

    /**
     * Edits name and description (editor); setting {@code status} (archive, restore, deactivate) is a
     * control action and needs manager (rbac.md).
     */
    public Uni<PluginView> update(Caller caller, UUID org, UUID id, PluginRequests.Update request) {
        boolean status = request.status() != null;
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> require(
                                db,
                                actor,
                                id,
                                status ? AccessRole.MANAGER : AccessRole.EDITOR,
                                status ? "plugin:update_status" : "plugin:update")
                        .flatMap(plugin -> {
                            request.validate();
                            return plugins.update(db, id, request);
                        })
                        .flatMap(done -> load(db, actor, id))
                        .call(plugin -> changed(db, org, id, plugin.status()))));
    }

    /** Archives an active or inactive plugin (manager): it is no longer delivered. */
    public Uni<PluginView> archive(Caller caller, UUID org, UUID id) {
        return setStatus(
                caller,
                org,
                id,
                "plugin:archive",
                "archived",
                Set.of("active", "inactive"),
                "only an active or inactive plugin can be archived");
    }

    /** Restores an archived plugin to active (manager). */
    public Uni<PluginView> restore(Caller caller, UUID org, UUID id) {
        return setStatus(
                caller,
                org,
                id,
                "plugin:restore",
                "active",
                Set.of("archived"),
                "only an archived plugin can be restored");
    }

    private Uni<PluginView> setStatus(
            Caller caller, UUID org, UUID id, String action, String status, Set<String> from, String refusal) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> require(db, actor, id, AccessRole.MANAGER, action)
                        .flatMap(plugin -> {
                            if (!from.contains(plugin.status())) {
                                throw ProblemException.conflict("plugin-" + plugin.status(), refusal);
                            }
                            return plugins.update(db, id, new PluginRequests.Update(null, null, status));
                        })
                        .flatMap(done -> load(db, actor, id))
                        .call(plugin -> changed(db, org, id, plugin.status()))));
    }

    /** Soft delete; memberships and releases stay for audit. */
    public Uni<Void> delete(Caller caller, UUID org, UUID id) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> require(db, actor, id, AccessRole.MANAGER, "plugin:delete"))
                .flatMap(plugin -> plugins.markDeleted(db, id))
                .call(done -> changed(db, org, id, "deleted")));
    }

    public Uni<Page<MemberView>> members(Caller caller, UUID org, UUID id, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> load(db, actor, id))
                .flatMap(plugin -> plugins.members(db, id, paging))
                .map(rows -> paging.page(rows, MemberView::createdAt, MemberView::id)));
    }

    /** Adds (or reactivates) a member: editor on the plugin, and the object must be visible to the caller. */
    public Uni<MemberChange> addMember(Caller caller, UUID org, UUID id, PluginRequests.AddMember request) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> require(db, actor, id, AccessRole.EDITOR, "plugin:update_members")
                        .flatMap(plugin -> {
                            new Validation()
                                    .require(
                                            request.configObjectId() != null,
                                            "/config_object_id",
                                            "required",
                                            "required")
                                    .throwIfAny("the member is not valid");
                            return objects.find(db, org, actor.membershipId(), request.configObjectId());
                        })
                        .flatMap(found -> {
                            boolean visible = found.isPresent()
                                    && (actor.isOrgAdmin() || found.get().rank() > 0);
                            new Validation()
                                    .require(visible, "/config_object_id", "no such config object", "reference")
                                    .require(
                                            !visible
                                                    || !"deleted"
                                                            .equals(found.get()
                                                                    .object()
                                                                    .status()),
                                            "/config_object_id",
                                            "the config object is deleted",
                                            "state")
                                    .throwIfAny("the member is not valid");
                            return join(db, actor, id, request.configObjectId());
                        })
                        .flatMap(changed -> plugins.member(db, id, request.configObjectId())
                                .map(member -> new MemberChange(member.orElseThrow(), changed)))));
    }

    public Uni<Void> removeMember(Caller caller, UUID org, UUID id, UUID objectId) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> require(db, actor, id, AccessRole.EDITOR, "plugin:update_members"))
                .flatMap(plugin -> leave(db, org, id, objectId)));
    }

    /** A manual membership through {@link PluginMemberships} (which writes {@code plugin.membership.changed}). */
    static Uni<Boolean> join(SqlClient db, Actor actor, UUID pluginId, UUID objectId) {
        return PluginMemberships.add(
                db,
                actor.organizationId(),
                pluginId,
                objectId,
                PluginMemberships.Sources.MANUAL,
                null,
                actor.membershipId());
    }

    /** Ends an active membership; 404 when there was none. */
    static Uni<Void> leave(SqlClient db, UUID org, UUID pluginId, UUID objectId) {
        return PluginMemberships.remove(db, org, pluginId, objectId).map(changed -> {
            if (!changed) {
                throw ProblemException.notFound("member " + objectId + " of plugin " + pluginId);
            }
            return null;
        });
    }

    public Uni<ResolvedPlugin> resolved(Caller caller, UUID org, UUID id) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> load(db, actor, id))
                .flatMap(plugin -> PluginResolution.current(db, id)
                        .map(rows -> new ResolvedPlugin(
                                id,
                                plugin.name(),
                                rows.stream()
                                        .map(row -> {
                                            VersionContent content = sealer.open(row.version());
                                            return new ResolvedPlugin.Entry(
                                                    row.version().configObjectId(),
                                                    row.objectType(),
                                                    row.title(),
                                                    row.version().id(),
                                                    row.version().createdAt(),
                                                    content.rawText(),
                                                    content.payload());
                                        })
                                        .toList()))));
    }

    /** {@code plugin.changed} with the plugin's resulting status, in the writing transaction. */
    private static Uni<Void> changed(SqlClient db, UUID org, UUID id, String status) {
        return OutboxWriter.append(db, new PluginChanged(org, id, status));
    }

    /** The plugin with the caller's role; 404 when invisible. */
    public Uni<PluginView> load(SqlClient db, Actor actor, UUID id) {
        return plugins.find(db, actor.organizationId(), actor.membershipId(), id)
                .map(found -> {
                    PluginRepository.Ranked row = found.orElseThrow(() -> ProblemException.notFound("plugin " + id));
                    return row.plugin()
                            .withRole(actor.roleOn(row.rank(), "plugin " + id).wire());
                });
    }

    /** The plugin if the caller holds {@code needed} on it: 404 when invisible, 403 naming the capability. */
    public Uni<PluginView> require(SqlClient db, Actor actor, UUID id, AccessRole needed, String capability) {
        return plugins.find(db, actor.organizationId(), actor.membershipId(), id)
                .map(found -> {
                    PluginRepository.Ranked row = found.orElseThrow(() -> ProblemException.notFound("plugin " + id));
                    return row.plugin()
                            .withRole(actor.require(row.rank(), needed, capability, "plugin " + id)
                                    .wire());
                });
    }
}
