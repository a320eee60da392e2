package io.plugsync.api.library.team;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.Actor;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.PgErrors;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.outbox.ChangeKind;
import io.plugsync.common.outbox.OutboxPayload;
import io.plugsync.common.outbox.OutboxWriter;
import io.plugsync.common.outbox.PluginGrantChanged;
import io.plugsync.common.outbox.TeamChanged;
import io.plugsync.common.outbox.TeamMembershipChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Teams: every member of the organisation reads them, owners and admins write them. Each write
 * appends its outbox events ({@code team.changed}, {@code team.membership.changed}, and for a
 * delete the {@code plugin.grant.changed} of every plugin grant it held) in its transaction.
 */
@ApplicationScoped
public class TeamService {
    private final Pool pool;
    private final Actors actors;
    private final TeamRepository teams;

    public TeamService(Pool pool, Actors actors, TeamRepository teams) {
        this.pool = pool;
        this.actors = actors;
        this.teams = teams;
    }

    /** A membership write: the member and whether it newly joined. */
    public record MemberChange(TeamMemberView member, boolean added) {}

    public Uni<Page<TeamView>> list(Caller caller, UUID org, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> teams.list(db, org, paging))
                .map(rows -> paging.page(rows, TeamView::createdAt, TeamView::id)));
    }

    public Uni<TeamView> get(Caller caller, UUID org, UUID id) {
        return pool.withConnection(db -> actors.reader(db, caller, org).flatMap(actor -> load(db, org, id)));
    }

    public Uni<TeamView> create(Caller caller, UUID org, TeamRequest request) {
        return pool.withTransaction(db -> admin(db, caller, org, "team:create")
                .flatMap(actor -> {
                    request.validate();
                    return teams.insert(db, org, request.trimmedName()).plug(nameTaken(request));
                })
                .call(id -> OutboxWriter.append(db, new TeamChanged(org, id, false)))
                .flatMap(id -> load(db, org, id)));
    }

    /** Renames the team; renaming to its current name changes nothing and appends nothing. */
    public Uni<TeamView> rename(Caller caller, UUID org, UUID id, TeamRequest request) {
        return pool.withTransaction(db -> admin(db, caller, org, "team:update")
                .flatMap(actor -> lock(db, org, id))
                .flatMap(locked -> {
                    request.validate();
                    return teams.rename(db, id, request.trimmedName()).plug(nameTaken(request));
                })
                .call(changed -> changed
                        ? OutboxWriter.append(db, new TeamChanged(org, id, false))
                        : Uni.createFrom().voidItem())
                .flatMap(changed -> load(db, org, id)));
    }

    /**
     * Soft-deletes the team: its memberships are deleted and its active grants soft-removed, each
     * with its event, then {@code team.changed} with {@code deleted: true}.
     */
    public Uni<Void> delete(Caller caller, UUID org, UUID id) {
        return pool.withTransaction(db -> admin(db, caller, org, "team:delete")
                .flatMap(actor -> lock(db, org, id))
                .flatMap(locked -> teams.removeAllMembers(db, id))
                .flatMap(members -> appendAll(
                        db, members, member -> new TeamMembershipChanged(org, id, member, ChangeKind.REMOVED)))
                .flatMap(done -> teams.revokePluginGrants(db, id))
                .flatMap(grants -> appendAll(
                        db,
                        grants,
                        grant -> new PluginGrantChanged(
                                org, grant.pluginId(), grant.grantId(), null, id, false, ChangeKind.REMOVED)))
                // grants on config objects and connector instances write no event: nothing downstream consumes them
                .flatMap(done -> teams.revokeOtherGrants(db, id))
                .flatMap(done -> teams.markDeleted(db, id))
                .call(done -> OutboxWriter.append(db, new TeamChanged(org, id, true))));
    }

    /** Adds an active member of the same organisation (404 otherwise); idempotent. */
    public Uni<MemberChange> addMember(Caller caller, UUID org, UUID id, UUID membershipId) {
        return pool.withTransaction(db -> admin(db, caller, org, "team:update_members")
                .flatMap(actor -> lock(db, org, id))
                .flatMap(locked -> teams.memberInOrg(db, org, membershipId))
                .flatMap(exists -> {
                    if (!exists) {
                        throw ProblemException.notFound("member " + membershipId + " of organisation " + org);
                    }
                    return teams.addMember(db, id, membershipId);
                })
                .call(added -> added
                        ? OutboxWriter.append(db, new TeamMembershipChanged(org, id, membershipId, ChangeKind.ADDED))
                        : Uni.createFrom().voidItem())
                .flatMap(added -> teams.members(db, id)
                        .map(members -> new MemberChange(
                                members.stream()
                                        .filter(m -> m.orgMembershipId().equals(membershipId))
                                        .findFirst()
                                        .orElseThrow(),
                                added))));
    }

    public Uni<Void> removeMember(Caller caller, UUID org, UUID id, UUID membershipId) {
        return pool.withTransaction(db -> admin(db, caller, org, "team:update_members")
                .flatMap(actor -> lock(db, org, id))
                .flatMap(locked -> teams.removeMember(db, id, membershipId))
                .flatMap(removed -> {
                    if (!removed) {
                        throw ProblemException.notFound("member " + membershipId + " of team " + id);
                    }
                    return OutboxWriter.append(
                            db, new TeamMembershipChanged(org, id, membershipId, ChangeKind.REMOVED));
                }));
    }

    private Uni<Actor> admin(SqlClient db, Caller caller, UUID org, String capability) {
        return actors.writer(db, caller, org).invoke(actor -> actor.requireOrgRole(OrgRole.ADMIN, capability));
    }

    private Uni<Void> lock(SqlClient db, UUID org, UUID id) {
        return teams.lock(db, org, id).map(found -> {
            if (!found) {
                throw ProblemException.notFound("team " + id);
            }
            return null;
        });
    }

    private Uni<TeamView> load(SqlClient db, UUID org, UUID id) {
        return teams.find(db, org, id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("team " + id)))
                .flatMap(team -> teams.members(db, id).map(team::withMembers));
    }

    private static <T> Function<Uni<T>, Uni<T>> nameTaken(TeamRequest request) {
        return PgErrors.uniqueAs(
                "team-name-taken", "the organisation already has a team named " + request.trimmedName());
    }

    /** Appends one event per item, in order. */
    private static <T> Uni<Void> appendAll(SqlClient db, List<T> items, Function<T, OutboxPayload> event) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            OutboxPayload payload = event.apply(item);
            chain = chain.call(() -> OutboxWriter.append(db, payload));
        }
        return chain;
    }
}
