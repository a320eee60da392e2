package io.plugsync.ingest.linking;

import io.plugsync.ingest.github.UserInstallation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL of installation links: the installation row, the organisation's connector account for it. */
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
        return db.preparedQuery("SELECT DISTINCT organization_id FROM connector_account"
                        + " WHERE connector_type = 'github' AND remote_id = $1")
                .execute(Tuple.of(installationId))
                .map(rows -> {
                    List<UUID> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getUUID(0)));
                    return out;
                });
    }

    /**
     * The organisation's connector account on the installation, created if missing (by the member
     * with {@code subject}, when the organisation has such a member row). An account disconnected
     * earlier is reconnected; a suspended one stays suspended.
     */
    public Uni<Linked> link(SqlClient db, UUID organizationId, UserInstallation installation, String subject) {
        String login = installation.accountLogin();
        return db.preparedQuery("INSERT INTO connector_account (organization_id, connector_type, remote_id,"
                        + " external_account_ref, display_name, created_by_org_membership_id)"
                        + " VALUES ($1, 'github', $2, $3, $4, (SELECT m.id FROM org_membership m"
                        + " WHERE m.organization_id = $1 AND m.subject = $5 AND m.removed_at IS NULL))"
                        + " ON CONFLICT (organization_id, connector_type, remote_id) DO UPDATE SET"
                        + " status = CASE connector_account.status WHEN 'disconnected' THEN 'active'"
                        + " ELSE connector_account.status END,"
                        + " external_account_ref = coalesce(EXCLUDED.external_account_ref,"
                        + " connector_account.external_account_ref), updated_at = now()"
                        + " RETURNING id, (xmax = 0) AS created")
                .execute(Tuple.of(
                        organizationId,
                        installation.id(),
                        login,
                        login == null ? "GitHub " + installation.id() : login,
                        subject))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Linked(row.getUUID("id"), row.getBoolean("created"));
                });
    }

    /** The organisation's GitHub installations, newest link first. */
    public Uni<List<LinkedInstallation>> list(SqlClient db, UUID organizationId) {
        return db.preparedQuery("SELECT a.id, a.remote_id, coalesce(g.account_login, a.external_account_ref)"
                        + " AS account_login, g.account_type, g.repository_selection, a.status,"
                        + " g.status AS installation_status, a.created_at FROM connector_account a"
                        + " LEFT JOIN github_installation g ON g.installation_id = a.remote_id"
                        + " WHERE a.organization_id = $1 AND a.connector_type = 'github'"
                        + " ORDER BY a.created_at DESC, a.id DESC LIMIT 500")
                .execute(Tuple.of(organizationId))
                .map(rows -> {
                    List<LinkedInstallation> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new LinkedInstallation(
                            r.getUUID("id"),
                            r.getString("remote_id"),
                            r.getString("account_login"),
                            r.getString("account_type"),
                            r.getString("repository_selection"),
                            r.getString("status"),
                            r.getString("installation_status"),
                            r.getOffsetDateTime("created_at"))));
                    return out;
                });
    }

    /** The connector account of a link, and whether this link created it. */
    public record Linked(UUID connectorAccountId, boolean created) {}
}
