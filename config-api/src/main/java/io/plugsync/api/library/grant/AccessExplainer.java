package io.plugsync.api.library.grant;

import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actor;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.member.MemberRepository;
import io.plugsync.api.library.member.MemberView;
import io.plugsync.api.library.support.Sql;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * "Explain access": the reasons behind a member's role on a config object, plugin or connector
 * instance. The SQL lists the same sources the V6 rank functions take the maximum of, so the
 * explanation and the enforced role cannot disagree (a test checks both on the same fixtures).
 * Whoever may read the resource's grants may ask, since the answer is built from them.
 */
@ApplicationScoped
public class AccessExplainer {
    private final Pool pool;
    private final Actors actors;
    private final GrantRepository grants;
    private final MemberRepository members;

    public AccessExplainer(Pool pool, Actors actors, GrantRepository grants, MemberRepository members) {
        this.pool = pool;
        this.actors = actors;
        this.grants = grants;
        this.members = members;
    }

    public Uni<AccessExplanation> explain(Caller caller, UUID org, GrantTarget target, UUID id, UUID memberId) {
        String what = target.label + " " + id;
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> grants.rank(db, target, org, actor.membershipId(), id)
                        .map(rank -> actor.require(
                                rank.orElseThrow(() -> ProblemException.notFound(what)),
                                AccessRole.VIEWER,
                                target.capabilityPrefix + ":read",
                                what))
                        .flatMap(ok -> members.find(db, org, memberId))
                        .map(found -> found.orElseThrow(() -> ProblemException.notFound("member " + memberId)))
                        .flatMap(member -> reasons(db, target, id, member.id())
                                .map(reasons -> explanation(actor, member, reasons)))));
    }

    private static AccessExplanation explanation(Actor actor, MemberView member, List<AccessExplanation.Reason> found) {
        // the caller's own organisation role comes from its token; another member's from its row
        String orgRole =
                member.subject().equals(actor.subject()) ? actor.orgRole().wire() : member.role();
        List<AccessExplanation.Reason> reasons = new ArrayList<>();
        if (OrgRole.parse(orgRole).map(OrgRole::isOrgAdmin).orElse(false)) {
            reasons.add(
                    new AccessExplanation.Reason("org_role", AccessRole.MANAGER.wire(), null, null, null, null, null));
        }
        reasons.addAll(found);
        reasons.sort(Comparator.comparingInt(AccessExplainer::rank).reversed());
        String role = reasons.isEmpty() ? null : reasons.get(0).role();
        return new AccessExplanation(
                member.id(), member.subject(), member.displayName(), orgRole, role, List.copyOf(reasons));
    }

    private static int rank(AccessExplanation.Reason reason) {
        return AccessRole.parse(reason.role()).map(AccessRole::rank).orElse(0);
    }

    private static Uni<List<AccessExplanation.Reason>> reasons(SqlClient db, GrantTarget target, UUID id, UUID member) {
        String sql = "SELECT 'creator' AS via, 'manager' AS role, NULL::uuid AS grant_id, NULL::uuid AS team_id,"
                + " NULL::text AS team_name, NULL::uuid AS plugin_id, NULL::text AS plugin_name"
                + " FROM " + target.resourceTable + " r WHERE r.id = $1 AND r.created_by_org_membership_id = $2"
                + " UNION ALL SELECT CASE WHEN g.org_wide THEN 'org_wide_grant' WHEN g.team_id IS NOT NULL"
                + " THEN 'team_grant' ELSE 'member_grant' END, g.role, g.id, g.team_id, t.name, NULL, NULL"
                + " FROM " + target.table + " g LEFT JOIN team t ON t.id = g.team_id"
                + " WHERE g." + target.column + " = $1 AND g.removed_at IS NULL AND (g.org_wide"
                + " OR g.org_membership_id = $2 OR g.team_id IN"
                + " (SELECT tm.team_id FROM team_membership tm WHERE tm.org_membership_id = $2))";
        if (target == GrantTarget.CONFIG_OBJECT) {
            sql += " UNION ALL SELECT 'plugin', 'viewer', NULL, NULL, NULL, p.id, p.name"
                    + " FROM plugin_config_object m JOIN plugin p ON p.id = m.plugin_id"
                    + " WHERE m.config_object_id = $1 AND m.removed_at IS NULL AND p.status <> 'deleted'"
                    + " AND library_plugin_rank(p.id, $2) > 0";
        }
        return db.preparedQuery(sql)
                .execute(Sql.tuple(id, member))
                .map(rows -> Rows.all(
                        rows,
                        row -> new AccessExplanation.Reason(
                                row.getString("via"),
                                row.getString("role"),
                                row.getUUID("grant_id"),
                                row.getUUID("team_id"),
                                row.getString("team_name"),
                                row.getUUID("plugin_id"),
                                row.getString("plugin_name"))));
    }
}
