package io.plugsync.api.library.access;

import io.plugsync.api.library.support.Sql;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgAccess;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Resolves the {@link Actor} of a request. A caller whose token does not name the organisation
 * gets a 404 for everything under it. Writes provision the caller's {@code org_membership} row just
 * in time (the token's role is copied onto it), so creators and grantees have an id to point to.
 */
@ApplicationScoped
public class Actors {

    /**
     * For reads: the membership id if the row exists. Failures are returned, never thrown: a throw
     * inside {@code Pool.withConnection/withTransaction} would leak the pooled connection.
     */
    public Uni<Actor> reader(SqlClient db, Caller caller, UUID organizationId) {
        return Uni.createFrom().deferred(() -> lookup(db, caller, organizationId));
    }

    /** For writes: finds or creates the membership row. */
    public Uni<Actor> writer(SqlClient db, Caller caller, UUID organizationId) {
        return Uni.createFrom().deferred(() -> provision(db, caller, organizationId));
    }

    private Uni<Actor> lookup(SqlClient db, Caller caller, UUID organizationId) {
        OrgRole role = OrgAccess.member(caller, organizationId, "organisation " + organizationId);
        return db.preparedQuery("SELECT id FROM org_membership WHERE organization_id = $1 AND subject = $2")
                .execute(Sql.tuple(organizationId, caller.subject()))
                .map(rows -> new Actor(
                        organizationId,
                        caller.subject(),
                        role,
                        Rows.first(rows, r -> r.getUUID("id")).orElse(null)));
    }

    private Uni<Actor> provision(SqlClient db, Caller caller, UUID organizationId) {
        OrgRole role = OrgAccess.member(caller, organizationId, "organisation " + organizationId);
        return db.preparedQuery("INSERT INTO org_membership (organization_id, subject, display_name, role)"
                        + " VALUES ($1, $2, $2, $3) ON CONFLICT (organization_id, subject)"
                        + " DO UPDATE SET role = EXCLUDED.role, removed_at = NULL RETURNING id")
                .execute(Sql.tuple(organizationId, caller.subject(), role.wire()))
                .onFailure(e -> e instanceof PgException pg && "23503".equals(pg.getSqlState()))
                .transform(e -> ProblemException.notFound("organisation " + organizationId))
                .map(rows -> new Actor(
                        organizationId,
                        caller.subject(),
                        role,
                        rows.iterator().next().getUUID("id")));
    }
}
