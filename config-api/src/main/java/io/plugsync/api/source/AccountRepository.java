package io.plugsync.api.library.connectoradmin;

import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for connector accounts. */
@ApplicationScoped
public class AccountRepository {

    public Uni<Optional<AccountView>> find(SqlClient db, UUID org, UUID id) {
        return db.preparedQuery("SELECT * FROM connector_account WHERE organization_id = $1 AND id = $2")
                .execute(Sql.tuple(org, id))
                .map(rows -> Sql.first(rows, AccountView::from));
    }

    public Uni<List<AccountView>> list(SqlClient db, UUID org, Paging paging) {
        return db.preparedQuery("SELECT * FROM connector_account a WHERE a.organization_id = $1 AND "
                        + Paging.after("a", 2, 3) + " ORDER BY a.created_at DESC, a.id DESC LIMIT $4")
                .execute(Sql.tuple(org, paging.afterCreatedAt(), paging.afterId(), paging.fetch()))
                .map(rows -> Sql.all(rows, AccountView::from));
    }

    public Uni<AccountView> insert(SqlClient db, UUID org, AccountRequests.Create request, UUID member) {
        return db.preparedQuery("INSERT INTO connector_account (organization_id, connector_type, remote_id,"
                        + " external_account_ref, display_name, created_by_org_membership_id)"
                        + " VALUES ($1, $2, $3, $4, $5, $6) RETURNING *")
                .execute(Sql.tuple(
                        org,
                        request.connectorType(),
                        request.remoteId().strip(),
                        request.externalAccountRef(),
                        request.displayName().strip(),
                        member))
                .map(rows -> AccountView.from(rows.iterator().next()));
    }

    public Uni<Optional<AccountView>> update(SqlClient db, UUID org, UUID id, AccountRequests.Update change) {
        return db.preparedQuery("UPDATE connector_account SET display_name = coalesce($3, display_name),"
                        + " status = coalesce($4, status), updated_at = now()"
                        + " WHERE organization_id = $1 AND id = $2 RETURNING *")
                .execute(Sql.tuple(org, id, change.displayName(), change.status()))
                .map(rows -> Sql.first(rows, AccountView::from));
    }
}
