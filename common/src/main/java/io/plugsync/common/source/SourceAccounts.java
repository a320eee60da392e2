package io.plugsync.common.source;

import io.plugsync.common.sql.Keyset;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of {@code connector_account}: the admin API's reads and edits, and the GitHub
 * installation lifecycle (links, webhooks) that creates, reconnects and suspends accounts. Every
 * method runs in the caller's connection or transaction ({@code db}).
 */
public final class SourceAccounts {
    private SourceAccounts() {}

    /** The account a link created or found, and whether this link created it. */
    public record Linked(UUID connectorAccountId, boolean created) {}

    /** An account of a GitHub installation joined with what the installation webhooks reported. */
    public record GithubLink(
            UUID connectorAccountId,
            String installationId,
            String accountLogin,
            String accountType,
            String repositorySelection,
            String status,
            String installationStatus,
            java.time.OffsetDateTime linkedAt) {}

    public static Uni<Optional<SourceAccount>> find(SqlClient db, UUID org, UUID id) {
        return db.preparedQuery("SELECT * FROM connector_account WHERE organization_id = $1 AND id = $2")
                .execute(Tuple.of(org, id))
                .map(rows -> Rows.first(rows, SourceAccount::from));
    }

    /** A page of the organisation's accounts, newest first. */
    public static Uni<List<SourceAccount>> list(SqlClient db, UUID org, Keyset page) {
        return db.preparedQuery("SELECT * FROM connector_account a WHERE a.organization_id = $1 AND "
                        + Keyset.after("a", "created_at", 2, 3) + " ORDER BY a.created_at DESC, a.id DESC LIMIT $4")
                .execute(Tuple.of(org, page.afterCreatedAt(), page.afterId(), page.limit()))
                .map(rows -> Rows.all(rows, SourceAccount::from));
    }

    /** Inserts an account; a second account of the same remote id in the organisation is a unique violation. */
    public static Uni<SourceAccount> create(
            SqlClient db,
            UUID org,
            String connectorType,
            String remoteId,
            String externalAccountRef,
            String displayName,
            UUID createdByMembershipId) {
        return db.preparedQuery("INSERT INTO connector_account (organization_id, connector_type, remote_id,"
                        + " external_account_ref, display_name, created_by_org_membership_id)"
                        + " VALUES ($1, $2, $3, $4, $5, $6) RETURNING *")
                .execute(Tuple.from(new Object[] {
                    org, connectorType, remoteId, externalAccountRef, displayName, createdByMembershipId
                }))
                .map(rows -> Rows.one(rows, SourceAccount::from));
    }

    /** Changes the display name and/or status (null keeps the current value). */
    public static Uni<Optional<SourceAccount>> update(
            SqlClient db, UUID org, UUID id, String displayName, SourceStatus.Account status) {
        return db.preparedQuery("UPDATE connector_account SET display_name = coalesce($3, display_name),"
                        + " status = coalesce($4, status), updated_at = now()"
                        + " WHERE organization_id = $1 AND id = $2 RETURNING *")
                .execute(Tuple.of(org, id, displayName, status == null ? null : status.wire()))
                .map(rows -> Rows.first(rows, SourceAccount::from));
    }

    /**
     * The organisation's account on a GitHub installation, created if missing (by the member with
     * {@code subject}, when the organisation has such a member row). An account disconnected
     * earlier is reconnected; a suspended one stays suspended.
     */
    public static Uni<Linked> link(SqlClient db, UUID org, String installationId, String login, String subject) {
        return db.preparedQuery("INSERT INTO connector_account (organization_id, connector_type, remote_id,"
                        + " external_account_ref, display_name, created_by_org_membership_id)"
                        + " VALUES ($1, $6, $2, $3, $4, (SELECT m.id FROM org_membership m"
                        + " WHERE m.organization_id = $1 AND m.subject = $5 AND m.removed_at IS NULL))"
                        + " ON CONFLICT (organization_id, connector_type, remote_id) DO UPDATE SET"
                        + " status = CASE connector_account.status WHEN $7 THEN $8"
                        + " ELSE connector_account.status END,"
                        + " external_account_ref = coalesce(EXCLUDED.external_account_ref,"
                        + " connector_account.external_account_ref), updated_at = now()"
                        + " RETURNING id, (xmax = 0) AS created")
                .execute(Tuple.from(new Object[] {
                    org,
                    installationId,
                    login,
                    displayName(installationId, login),
                    subject,
                    SourceKinds.GITHUB,
                    SourceStatus.Account.DISCONNECTED.wire(),
                    SourceStatus.Account.ACTIVE.wire()
                }))
                .map(rows -> Rows.one(rows, row -> new Linked(row.getUUID("id"), row.getBoolean("created"))));
    }

    /** The installation's account in the organisation, created or made active again (installation webhook). */
    public static Uni<Void> activate(SqlClient db, UUID org, String installationId, String login) {
        return db.preparedQuery("INSERT INTO connector_account (organization_id, connector_type, remote_id,"
                        + " external_account_ref, display_name) VALUES ($1, $5, $2, $3, $4)"
                        + " ON CONFLICT (organization_id, connector_type, remote_id) DO UPDATE SET status = $6,"
                        + " updated_at = now()")
                .execute(Tuple.from(new Object[] {
                    org,
                    installationId,
                    login,
                    displayName(installationId, login),
                    SourceKinds.GITHUB,
                    SourceStatus.Account.ACTIVE.wire()
                }))
                .replaceWithVoid();
    }

    /**
     * Sets the status of every organisation's account on the installation (and the login, when
     * given); returns how many.
     */
    public static Uni<Integer> setStatusOfInstallation(
            SqlClient db, String installationId, SourceStatus.Account status, String login) {
        return db.preparedQuery("UPDATE connector_account SET status = $2,"
                        + " external_account_ref = coalesce($3, external_account_ref), updated_at = now()"
                        + " WHERE connector_type = $4 AND remote_id = $1")
                .execute(Tuple.of(installationId, status.wire(), login, SourceKinds.GITHUB))
                .map(RowSet::rowCount);
    }

    /** Organisations with an account on the installation. */
    public static Uni<List<UUID>> organizationsOf(SqlClient db, String installationId) {
        return db.preparedQuery("SELECT DISTINCT organization_id FROM connector_account"
                        + " WHERE connector_type = $2 AND remote_id = $1")
                .execute(Tuple.of(installationId, SourceKinds.GITHUB))
                .map(rows -> Rows.all(rows, row -> row.getUUID(0)));
    }

    /** The organisation's GitHub accounts with their installation's state, newest link first. */
    public static Uni<List<GithubLink>> githubLinks(SqlClient db, UUID org) {
        return db.preparedQuery("SELECT a.id, a.remote_id, coalesce(g.account_login, a.external_account_ref)"
                        + " AS account_login, g.account_type, g.repository_selection, a.status,"
                        + " g.status AS installation_status, a.created_at FROM connector_account a"
                        + " LEFT JOIN github_installation g ON g.installation_id = a.remote_id"
                        + " WHERE a.organization_id = $1 AND a.connector_type = $2"
                        + " ORDER BY a.created_at DESC, a.id DESC LIMIT 500")
                .execute(Tuple.of(org, SourceKinds.GITHUB))
                .map(rows -> Rows.all(
                        rows,
                        r -> new GithubLink(
                                r.getUUID("id"),
                                r.getString("remote_id"),
                                r.getString("account_login"),
                                r.getString("account_type"),
                                r.getString("repository_selection"),
                                r.getString("status"),
                                r.getString("installation_status"),
                                r.getOffsetDateTime("created_at"))));
    }

    private static String displayName(String installationId, String login) {
        return login == null ? "GitHub " + installationId : login;
    }
}
