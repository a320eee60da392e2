package io.plugsync.api.source;

import io.plugsync.api.library.support.Paging;
import io.plugsync.common.source.SourceAccounts;
import io.plugsync.common.source.SourceStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Connector accounts for the admin API: the shared {@link SourceAccounts} SQL, mapped to views. */
@ApplicationScoped
public class AccountRepository {

    public Uni<Optional<AccountView>> find(SqlClient db, UUID org, UUID id) {
        return SourceAccounts.find(db, org, id).map(found -> found.map(AccountView::from));
    }

    public Uni<List<AccountView>> list(SqlClient db, UUID org, Paging paging) {
        return SourceAccounts.list(db, org, paging.keyset())
                .map(rows -> rows.stream().map(AccountView::from).toList());
    }

    public Uni<AccountView> insert(SqlClient db, UUID org, AccountRequests.Create request, UUID member) {
        return SourceAccounts.create(
                        db,
                        org,
                        request.connectorType(),
                        request.remoteId().strip(),
                        request.externalAccountRef(),
                        request.displayName().strip(),
                        member)
                .map(AccountView::from);
    }

    public Uni<Optional<AccountView>> update(SqlClient db, UUID org, UUID id, AccountRequests.Update change) {
        SourceStatus.Account status = change.status() == null
                ? null
                : SourceStatus.Account.parse(change.status()).orElseThrow();
        return SourceAccounts.update(db, org, id, change.displayName(), status)
                .map(found -> found.map(AccountView::from));
    }
}
