package io.plugsync.ingest.linking;

import io.plugsync.common.source.SourceAccounts;
import io.plugsync.ingest.github.UserInstallation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * SQL of installation links: the installation row here; the organisation's connector account for
 * it through the shared {@link SourceAccounts} in common.
 */
@ApplicationScoped
public class LinkRepository {

    public Uni<Boolean> organizationExists(SqlClient db, UUID organizationId) {
        return db.preparedQuery("SELECT 1 FROM organization WHERE id = $1")
                .execute(Tuple.of(organizationId))
                .map(rows -> rows.size() == 1);
    }

    /**
     * Records the installation as GitHub listed it (its webhook may not have arrived yet) and keeps
     * its row locked until the transaction ends: links of one installation, and the installation
     * webhook's default-organisation shortcut, happen one after the other.
     */
    public Uni<Void> lockInstallation(SqlClient db, UserInstallation installation) {
        return db.preparedQuery("INSERT INTO github_installation (installation_id, account_login, account_type,"
                        + " repository_selection) VALUES ($1, $2, $3, $4) ON CONFLICT (installation_id) DO UPDATE"
                        + " SET account_login = coalesce(EXCLUDED.account_login, github_installation.account_login),"
                        + " account_type = coalesce(EXCLUDED.account_type, github_installation.account_type),"
                        + " repository_selection = coalesce(EXCLUDED.repository_selection,"
                        + " github_installation.repository_selection), updated_at = now()")
                .execute(Tuple.of(
                        installation.id(),
                        installation.accountLogin(),
                        installation.accountType(),
                        installation.repositorySelection()))
                .replaceWithVoid();
    }

    /** Organisations with a connector account on the installation. */
    public Uni<List<UUID>> linkedOrganizations(SqlClient db, String installationId) {
        return SourceAccounts.organizationsOf(db, installationId);
    }

    /**
     * The organisation's connector account on the installation, created if missing (by the member
     * with {@code subject}, when the organisation has such a member row). An account disconnected
     * earlier is reconnected; a suspended one stays suspended.
     */
    public Uni<Linked> link(SqlClient db, UUID organizationId, UserInstallation installation, String subject) {
        return SourceAccounts.link(db, organizationId, installation.id(), installation.accountLogin(), subject)
                .map(linked -> new Linked(linked.connectorAccountId(), linked.created()));
    }

    /** The organisation's GitHub installations, newest link first. */
    public Uni<List<LinkedInstallation>> list(SqlClient db, UUID organizationId) {
        return SourceAccounts.githubLinks(db, organizationId)
                .map(links -> links.stream()
                        .map(l -> new LinkedInstallation(
                                l.connectorAccountId(),
                                l.installationId(),
                                l.accountLogin(),
                                l.accountType(),
                                l.repositorySelection(),
                                l.status(),
                                l.installationStatus(),
                                l.linkedAt()))
                        .toList());
    }

    /** The connector account of a link, and whether this link created it. */
    public record Linked(UUID connectorAccountId, boolean created) {}
}
