package io.plugsync.api.library.grant;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actor;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.library.PluginReleases;
import io.plugsync.common.outbox.ChangeKind;
import io.plugsync.common.outbox.OutboxWriter;
import io.plugsync.common.outbox.PluginGrantChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Sharing: viewers of a resource may list its grants; managers add and remove them. Principals
 * must belong to the same organisation.
 */
@ApplicationScoped
public class GrantService {
    private final Pool pool;
    private final Actors actors;
    private final GrantRepository grants;

    public GrantService(Pool pool, Actors actors, GrantRepository grants) {
        this.pool = pool;
        this.actors = actors;
        this.grants = grants;
    }

    public Uni<Page<GrantView>> list(Caller caller, UUID org, GrantTarget target, UUID id, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> require(db, actor, target, id, AccessRole.VIEWER, "read"))
                .flatMap(ok -> grants.list(db, target, id, paging))
                .map(rows -> paging.page(rows, GrantView::createdAt, GrantView::id)));
    }

    public Uni<GrantView> add(Caller caller, UUID org, GrantTarget target, UUID id, GrantRequest request) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> require(db, actor, target, id, AccessRole.MANAGER, "share")
                        .flatMap(ok -> {
                            request.validate();
                            return principalExists(db, org, request);
                        })
                        .flatMap(exists -> {
                            if (!exists) {
                                String pointer = request.orgMembershipId() != null ? "/org_membership_id" : "/team_id";
                                new Validation()
                                        .require(
                                                false,
                                                pointer,
                                                "no such member or team in this organisation",
                                                "reference")
                                        .throwIfAny("the grant is not valid");
                            }
                            return previousPluginGrant(db, target, id, request)
                                    .flatMap(before -> grants.upsert(db, target, id, request, actor.membershipId())
                                            .call(grant -> accessRelease(db, actor, target, id, before, grant)));
                        })
                        .call(grant -> changed(db, org, target, id, grant, ChangeKind.ADDED))));
    }

    public Uni<Void> remove(Caller caller, UUID org, GrantTarget target, UUID id, UUID grantId) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> require(db, actor, target, id, AccessRole.MANAGER, "share")
                        .flatMap(ok -> grants.remove(db, target, id, grantId))
                        .map(removed -> removed.orElseThrow(() -> ProblemException.notFound("grant " + grantId)))
                        .call(grant -> accessRelease(db, actor, target, id, Optional.of(grant), null)))
                .flatMap(removed -> changed(db, org, target, id, removed, ChangeKind.REMOVED)));
    }

    /**
     * {@code plugin.grant.changed} for a grant on a plugin (a re-grant that changes the role is an
     * {@code added} too: the consumer recomputes from the grants, so a repeat is harmless).
     */
    private static Uni<Void> changed(
            SqlClient db, UUID org, GrantTarget target, UUID id, GrantView grant, ChangeKind change) {
        if (target != GrantTarget.PLUGIN) {
            // grants on config objects and connector instances write no event: nothing downstream consumes them
            return Uni.createFrom().voidItem();
        }
        return OutboxWriter.append(
                db,
                new PluginGrantChanged(
                        org, id, grant.id(), grant.orgMembershipId(), grant.teamId(), grant.orgWide(), change));
    }

    /** The principal's current grant when {@code target} is a plugin (its access release needs the role before). */
    private Uni<Optional<GrantView>> previousPluginGrant(
            SqlClient db, GrantTarget target, UUID id, GrantRequest request) {
        return target == GrantTarget.PLUGIN
                ? grants.active(db, target, id, request)
                : Uni.createFrom().item(Optional.empty());
    }

    /**
     * An {@code access_change} release of a plugin whose grants changed: a new grant, a new role
     * ({@code after}), or a revoke ({@code after} null). Re-granting the same role changes nothing
     * and writes no release.
     */
    private static Uni<Void> accessRelease(
            SqlClient db, Actor actor, GrantTarget target, UUID id, Optional<GrantView> before, GrantView after) {
        if (target != GrantTarget.PLUGIN
                || (after != null && before.isPresent() && before.get().role().equals(after.role()))) {
            return Uni.createFrom().voidItem();
        }
        String notes;
        if (after == null) {
            notes = "grant revoked: " + principal(before.get()) + " ("
                    + before.get().role() + ")";
        } else if (before.isEmpty()) {
            notes = "grant added: " + principal(after) + " as " + after.role();
        } else {
            notes = "grant changed: " + principal(after) + " " + before.get().role() + " -> " + after.role();
        }
        return PluginReleases.snapshot(
                        db, actor.organizationId(), id, PluginReleases.Kind.ACCESS_CHANGE, actor.membershipId(), notes)
                .replaceWithVoid();
    }

    private static String principal(GrantView grant) {
        if (grant.orgMembershipId() != null) {
            return "member " + grant.orgMembershipId();
        }
        return grant.teamId() != null ? "team " + grant.teamId() : "the whole organisation";
    }

    private Uni<Boolean> principalExists(SqlClient db, UUID org, GrantRequest request) {
        if (request.orgMembershipId() != null) {
            return grants.memberInOrg(db, org, request.orgMembershipId());
        }
        if (request.teamId() != null) {
            return grants.teamInOrg(db, org, request.teamId());
        }
        return Uni.createFrom().item(true);
    }

    private Uni<AccessRole> require(
            SqlClient db, Actor actor, GrantTarget target, UUID id, AccessRole needed, String action) {
        String what = target.label + " " + id;
        return grants.rank(db, target, actor.organizationId(), actor.membershipId(), id)
                .map(rank -> actor.require(
                        rank.orElseThrow(() -> ProblemException.notFound(what)),
                        needed,
                        target.capabilityPrefix + ":" + action,
                        what));
    }
}
