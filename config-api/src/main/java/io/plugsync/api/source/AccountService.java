package io.plugsync.api.source;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.PgErrors;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Connector accounts: every member reads them; organisation owners and admins manage them. */
@ApplicationScoped
public class AccountService {
    private final Pool pool;
    private final Actors actors;
    private final AccountRepository accounts;

    public AccountService(Pool pool, Actors actors, AccountRepository accounts) {
        this.pool = pool;
        this.actors = actors;
        this.accounts = accounts;
    }

    public Uni<AccountView> create(Caller caller, UUID org, AccountRequests.Create request) {
        return pool.withTransaction(db -> actors.writer(db, caller, org).flatMap(actor -> {
            actor.requireOrgRole(OrgRole.ADMIN, "connector_account:create");
            request.validate();
            return accounts.insert(db, org, request, actor.membershipId())
                    .plug(PgErrors.uniqueAs("account-exists", "this connector account is already connected"));
        }));
    }

    public Uni<Page<AccountView>> list(Caller caller, UUID org, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> accounts.list(db, org, paging))
                .map(rows -> paging.page(rows, AccountView::createdAt, AccountView::id)));
    }

    public Uni<AccountView> get(Caller caller, UUID org, UUID id) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> accounts.find(db, org, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("connector account " + id))));
    }

    public Uni<AccountView> update(Caller caller, UUID org, UUID id, AccountRequests.Update request) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> accounts.find(db, org, id).map(found -> {
                    found.orElseThrow(() -> ProblemException.notFound("connector account " + id));
                    actor.requireOrgRole(OrgRole.ADMIN, "connector_account:update");
                    request.validate();
                    return actor;
                }))
                .flatMap(actor -> accounts.update(db, org, id, request))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("connector account " + id))));
    }
}
