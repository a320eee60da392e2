package io.plugsync.ingest.installation;

import io.plugsync.common.source.SourceAccounts;
import io.plugsync.common.source.SourceStatus;
import io.plugsync.common.source.SourceTargets;
import io.plugsync.common.source.TargetRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * SQL of {@code github_installation}; the accounts bound to an installation and their targets go
 * through the shared source SQL in common ({@link SourceAccounts}, {@link SourceTargets}).
 */
@ApplicationScoped
public class InstallationRepository {
    public Uni<Void> upsert(
            SqlClient db,
            String installationId,
            String login,
            String type,
            String selection,
            SourceStatus.Installation status) {
        return db.preparedQuery("INSERT INTO github_installation (installation_id, account_login, account_type,"
                        + " repository_selection, status) VALUES ($1, $2, $3, $4, $5)"
                        + " ON CONFLICT (installation_id) DO UPDATE SET account_login = coalesce(EXCLUDED.account_login,"
                        + " github_installation.account_login), account_type = coalesce(EXCLUDED.account_type,"
                        + " github_installation.account_type), repository_selection = coalesce("
                        + "EXCLUDED.repository_selection, github_installation.repository_selection),"
                        + " status = EXCLUDED.status, updated_at = now(),"
                        + " deleted_at = CASE WHEN EXCLUDED.status = 'deleted' THEN now() END")
                .execute(Tuple.of(installationId, login, type, selection, status.wire()))
                .replaceWithVoid();
    }

    /** Sets the status of every account bound to the installation; returns how many. */
    public Uni<Integer> setAccountStatus(
            SqlClient db, String installationId, SourceStatus.Account status, String login) {
        return SourceAccounts.setStatusOfInstallation(db, installationId, status, login);
    }

    public Uni<Void> insertAccount(SqlClient db, UUID organizationId, String installationId, String login) {
        return SourceAccounts.activate(db, organizationId, installationId, login);
    }

    /** Target ids of every target of the installation. */
    public Uni<List<UUID>> targetIds(SqlClient db, String installationId) {
        return SourceTargets.idsOfInstallation(db, installationId);
    }

    /** Sets the status of the installation's targets of the given repositories; returns them. */
    public Uni<List<TargetRef>> setTargetStatus(
            SqlClient db, String installationId, List<String> repositories, SourceStatus.Target status) {
        return SourceTargets.setStatusOfRepositories(db, installationId, repositories, status);
    }

    /** Points targets of a renamed repository at its new name; returns the active ones. */
    public Uni<List<TargetRef>> rename(
            SqlClient db, String installationId, String oldFullName, String newFullName, String repositoryId) {
        return SourceTargets.rename(db, installationId, oldFullName, newFullName, repositoryId);
    }
}
