package io.plugsync.ingest.installation;

import io.plugsync.ingest.sync.TargetRef;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL for installations, the connector accounts bound to them and their targets. */
@ApplicationScoped
public class InstallationRepository {
    private static final String TARGETS_OF_INSTALLATION = " FROM connector_instance i"
            + " JOIN connector_account a ON a.id = i.connector_account_id"
            + " WHERE t.connector_instance_id = i.id AND a.connector_type = 'github' AND a.remote_id = $1";

    public Uni<Void> upsert(
            SqlClient db, String installationId, String login, String type, String selection, String status) {
        return db.preparedQuery("INSERT INTO github_installation (installation_id, account_login, account_type,"
                        + " repository_selection, status) VALUES ($1, $2, $3, $4, $5)"
                        + " ON CONFLICT (installation_id) DO UPDATE SET account_login = coalesce(EXCLUDED.account_login,"
                        + " github_installation.account_login), account_type = coalesce(EXCLUDED.account_type,"
                        + " github_installation.account_type), repository_selection = coalesce("
                        + "EXCLUDED.repository_selection, github_installation.repository_selection),"
                        + " status = EXCLUDED.status, updated_at = now(),"
                        + " deleted_at = CASE WHEN EXCLUDED.status = 'deleted' THEN now() END")
                .execute(Tuple.of(installationId, login, type, selection, status))
                .replaceWithVoid();
    }

    /** Sets the status of every account bound to the installation; returns how many. */
    public Uni<Integer> setAccountStatus(SqlClient db, String installationId, String status, String login) {
        return db.preparedQuery("UPDATE connector_account SET status = $2,"
                        + " external_account_ref = coalesce($3, external_account_ref), updated_at = now()"
                        + " WHERE connector_type = 'github' AND remote_id = $1")
                .execute(Tuple.of(installationId, status, login))
                .map(RowSet::rowCount);
    }

    public Uni<Void> insertAccount(SqlClient db, UUID organizationId, String installationId, String login) {
        return db.preparedQuery("INSERT INTO connector_account (organization_id, connector_type, remote_id,"
                        + " external_account_ref, display_name) VALUES ($1, 'github', $2, $3, $4)"
                        + " ON CONFLICT (organization_id, connector_type, remote_id) DO UPDATE SET status = 'active',"
                        + " updated_at = now()")
                .execute(Tuple.of(
                        organizationId, installationId, login, login == null ? "GitHub " + installationId : login))
                .replaceWithVoid();
    }

    /** Target ids of every target of the installation. */
    public Uni<List<UUID>> targetIds(SqlClient db, String installationId) {
        return db.preparedQuery(
                        "SELECT t.id FROM connector_target t WHERE EXISTS (SELECT 1" + TARGETS_OF_INSTALLATION + ")")
                .execute(Tuple.of(installationId))
                .map(rows -> {
                    List<UUID> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getUUID(0)));
                    return out;
                });
    }

    /** Sets the status of the installation's targets of the given repositories; returns them. */
    public Uni<List<TargetRef>> setTargetStatus(
            SqlClient db, String installationId, List<String> repositories, String status) {
        String[] lower = repositories.stream().map(String::toLowerCase).toArray(String[]::new);
        return db.preparedQuery("UPDATE connector_target t SET status = $3, updated_at = now() WHERE EXISTS (SELECT 1"
                        + TARGETS_OF_INSTALLATION + ") AND lower(t.remote_id) = ANY($2)"
                        + " RETURNING t.id, t.connector_instance_id, t.remote_id")
                .execute(Tuple.of(installationId, lower, status))
                .map(InstallationRepository::targets);
    }

    /** Points targets of a renamed repository at its new name; returns the active ones. */
    public Uni<List<TargetRef>> rename(
            SqlClient db, String installationId, String oldFullName, String newFullName, String repositoryId) {
        return db.preparedQuery("UPDATE connector_target t SET remote_id = $3,"
                        + " target_config_json = t.target_config_json || $5, updated_at = now()"
                        + " WHERE EXISTS (SELECT 1" + TARGETS_OF_INSTALLATION.replace("$1", "coalesce($1, a.remote_id)")
                        + ") AND (lower(t.remote_id) = lower($2) OR t.target_config_json ->> 'repository_id' = $4)"
                        + " RETURNING t.id, t.connector_instance_id, t.remote_id, t.status")
                .execute(Tuple.of(
                        installationId,
                        oldFullName,
                        newFullName,
                        repositoryId,
                        new JsonObject().put("repository_id", repositoryId).put("previous_remote_id", oldFullName)))
                .map(rows -> {
                    List<TargetRef> out = new ArrayList<>();
                    rows.forEach(r -> {
                        if ("active".equals(r.getString("status"))) {
                            out.add(new TargetRef(
                                    r.getUUID("id"), r.getUUID("connector_instance_id"), r.getString("remote_id")));
                        }
                    });
                    return out;
                });
    }

    private static List<TargetRef> targets(RowSet<Row> rows) {
        List<TargetRef> out = new ArrayList<>();
        rows.forEach(r ->
                out.add(new TargetRef(r.getUUID("id"), r.getUUID("connector_instance_id"), r.getString("remote_id"))));
        return out;
    }
}
