package io.plugsync.api.library.member;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Sql;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The members of an organisation (every member reads them: they are the principals a grant or a
 * team names) and the caller's own organisations.
 */
@ApplicationScoped
public class MemberService {
    private final Pool pool;
    private final Actors actors;
    private final MemberRepository members;

    public MemberService(Pool pool, Actors actors, MemberRepository members) {
        this.pool = pool;
        this.actors = actors;
        this.members = members;
    }

    public Uni<Page<MemberView>> list(Caller caller, UUID org, String query, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> members.list(db, org, query, paging))
                .map(rows -> paging.page(rows, MemberView::createdAt, MemberView::id)));
    }

    public Uni<MemberView> get(Caller caller, UUID org, UUID id) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> members.find(db, org, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("member " + id))));
    }

    /** The caller and every organisation its token names that exists, with its membership there (if any). */
    public Uni<MeView> me(Caller caller) {
        UUID[] orgs = caller.orgRoles().keySet().toArray(UUID[]::new);
        return pool.preparedQuery("SELECT o.id, o.slug, o.name, m.id AS membership_id FROM organization o"
                        + " LEFT JOIN org_membership m ON m.organization_id = o.id AND m.subject = $2"
                        + " AND m.removed_at IS NULL WHERE o.id = ANY($1) ORDER BY o.name, o.id")
                .execute(Sql.tuple(orgs, caller.subject()))
                .map(rows -> new MeView(
                        caller.subject(),
                        List.copyOf(Rows.all(
                                rows,
                                row -> new MeView.Membership(
                                        row.getUUID("id"),
                                        row.getString("slug"),
                                        row.getString("name"),
                                        caller.roleIn(row.getUUID("id"))
                                                .orElseThrow()
                                                .wire(),
                                        row.getUUID("membership_id"))))));
    }
}
