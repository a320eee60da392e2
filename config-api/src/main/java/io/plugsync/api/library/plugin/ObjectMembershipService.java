package io.plugsync.api.library.plugin;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actor;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.object.ConfigObjectRepository;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Plugin membership seen from the object ({@code /config-objects/{id}/plugins}, {@code plugin_ids}
 * on create). Composition belongs to the plugin (rbac.md locked decision 3): editor on the plugin
 * and sight of the object; the rows and events are {@link PluginService}'s, through {@code
 * PluginMemberships}.
 */
@ApplicationScoped
public class ObjectMembershipService {
    private final Pool pool;
    private final Actors actors;
    private final PluginRepository plugins;
    private final ConfigObjectRepository objects;
    private final PluginService pluginService;

    public ObjectMembershipService(
            Pool pool,
            Actors actors,
            PluginRepository plugins,
            ConfigObjectRepository objects,
            PluginService pluginService) {
        this.pool = pool;
        this.actors = actors;
        this.plugins = plugins;
        this.objects = objects;
        this.pluginService = pluginService;
    }

    /** A membership change seen from the object: the plugin and whether it was newly added or reactivated. */
    public record Change(ObjectPluginView plugin, boolean changed) {}

    /** The plugins holding a visible object that the caller can see (404 when the object is invisible). */
    public Uni<Page<ObjectPluginView>> pluginsOf(Caller caller, UUID org, UUID objectId, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> visibleObject(db, actor, objectId)
                        .flatMap(object ->
                                plugins.holding(db, org, actor.membershipId(), actor.isOrgAdmin(), objectId, paging))
                        .map(rows -> paging.page(
                                rows.stream()
                                        .map(r -> r.plugin()
                                                .withRole(actor.roleOn(r.rank(), "")
                                                        .wire()))
                                        .toList(),
                                ObjectPluginView::createdAt,
                                ObjectPluginView::id))));
    }

    /**
     * The object joins a plugin, seen from the object: view of the object (404 otherwise) and,
     * as on the plugin side, editor on the plugin (rbac.md locked decision 3); an unknown or
     * invisible plugin is a 422 on {@code /plugin_id}.
     */
    public Uni<Change> addToPlugin(Caller caller, UUID org, UUID objectId, PluginRequests.AddToPlugin request) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> visibleObject(db, actor, objectId)
                        .flatMap(object -> {
                            if ("deleted".equals(object.object().status())) {
                                throw ProblemException.conflict(
                                        "object-deleted", "a deleted object cannot join a plugin; restore it first");
                            }
                            new Validation()
                                    .require(request.pluginId() != null, "/plugin_id", "required", "required")
                                    .throwIfAny("the membership is not valid");
                            return plugins.find(db, org, actor.membershipId(), request.pluginId());
                        })
                        .flatMap(found -> {
                            int rank = found.map(PluginRepository.Ranked::rank).orElse(0);
                            new Validation()
                                    .require(
                                            found.isPresent()
                                                    && actor.roleFor(rank).isPresent(),
                                            "/plugin_id",
                                            "no such plugin",
                                            "reference")
                                    .throwIfAny("the membership is not valid");
                            actor.require(
                                    rank, AccessRole.EDITOR, "plugin:update_members", "plugin " + request.pluginId());
                            return PluginService.join(db, actor, request.pluginId(), objectId);
                        })
                        .flatMap(changed -> plugins.holdingOne(
                                        db, org, actor.membershipId(), objectId, request.pluginId())
                                .map(row -> {
                                    PluginRepository.Holding holding = row.orElseThrow();
                                    return new Change(
                                            holding.plugin()
                                                    .withRole(actor.roleOn(holding.rank(), "")
                                                            .wire()),
                                            changed);
                                }))));
    }

    /** The object leaves a plugin: view of the object and editor on the plugin; 404 when it was no member. */
    public Uni<Void> removeFromPlugin(Caller caller, UUID org, UUID objectId, UUID pluginId) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> visibleObject(db, actor, objectId)
                        .flatMap(object ->
                                pluginService.require(db, actor, pluginId, AccessRole.EDITOR, "plugin:update_members")))
                .flatMap(plugin -> PluginService.leave(db, org, pluginId, objectId)));
    }

    /**
     * For a new object's {@code plugin_ids}: a field error at {@code /plugin_ids/<i>} in {@code
     * check} for each plugin the caller cannot add members to (unknown, invisible, or below editor).
     */
    public Uni<Void> checkJoinable(SqlClient db, Actor actor, List<UUID> ids, Validation check) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> present = ids.stream().filter(Objects::nonNull).distinct().toList();
        return plugins.findAll(db, actor.organizationId(), actor.membershipId(), present)
                .map(rows -> {
                    Map<UUID, Integer> ranks = new HashMap<>();
                    rows.forEach(r -> ranks.put(r.plugin().id(), r.rank()));
                    for (int i = 0; i < ids.size(); i++) {
                        String pointer = "/plugin_ids/" + i;
                        UUID id = ids.get(i);
                        Optional<AccessRole> role =
                                id == null || !ranks.containsKey(id) ? Optional.empty() : actor.roleFor(ranks.get(id));
                        check.require(id != null, pointer, "required", "required")
                                .require(id == null || role.isPresent(), pointer, "no such plugin", "reference")
                                .require(
                                        role.isEmpty() || role.get().atLeast(AccessRole.EDITOR),
                                        pointer,
                                        role.map(r -> "adding to this plugin needs the editor role on it; yours is "
                                                        + r.wire())
                                                .orElse(""),
                                        "role");
                    }
                    return null;
                });
    }

    /** Adds the object to each plugin (checked with {@link #checkJoinable} first). */
    public Uni<Void> joinAll(SqlClient db, Actor actor, UUID objectId, List<UUID> ids) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID pluginId : new LinkedHashSet<>(ids)) {
            chain = chain.call(() -> PluginService.join(db, actor, pluginId, objectId));
        }
        return chain;
    }

    /** The object if the caller can see it; 404 otherwise. */
    private Uni<ConfigObjectRepository.Ranked> visibleObject(SqlClient db, Actor actor, UUID objectId) {
        return objects.find(db, actor.organizationId(), actor.membershipId(), objectId)
                .map(found -> {
                    ConfigObjectRepository.Ranked row =
                            found.orElseThrow(() -> ProblemException.notFound("config object " + objectId));
                    actor.roleOn(row.rank(), "config object " + objectId);
                    return row;
                });
    }
}
