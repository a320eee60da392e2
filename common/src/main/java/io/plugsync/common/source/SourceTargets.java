package io.plugsync.common.source;

import io.plugsync.common.sql.Keyset;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of {@code connector_target}: the admin API's reads, creation and edits, the sync's view
 * of a target with its instance and account, and what installation webhooks change (status,
 * renames); and the admin API's read of {@code connector_target_tree}.
 */
public final class SourceTargets {
    private static final String ACTIVE = SourceStatus.Target.ACTIVE.wire();
    private static final String SYNCABLE = "t.status = '" + ACTIVE + "' AND i.status = '"
            + SourceStatus.Instance.ACTIVE.wire() + "' AND a.status = '" + SourceStatus.Account.ACTIVE.wire() + "'";
    private static final String WITH_ACCOUNT = " FROM connector_target t"
            + " JOIN connector_instance i ON i.id = t.connector_instance_id"
            + " JOIN connector_account a ON a.id = i.connector_account_id WHERE t.connector_type = '"
            + SourceKinds.GITHUB + "'";
    private static final String SYNC_TARGET = "SELECT t.id, t.connector_instance_id, i.organization_id, t.remote_id,"
            + " t.external_target_ref, a.remote_id AS installation_id, t.last_synced_revision_ref,"
            + " (" + SYNCABLE + ") AS syncable" + WITH_ACCOUNT;
    /** Correlated condition: target {@code t} belongs to installation {@code $1}. */
    private static final String OF_INSTALLATION = " EXISTS (SELECT 1 FROM connector_instance i"
            + " JOIN connector_account a ON a.id = i.connector_account_id"
            + " WHERE t.connector_instance_id = i.id AND a.connector_type = '" + SourceKinds.GITHUB + "'"
            + " AND a.remote_id = %s)";

    private SourceTargets() {}

    public static Uni<Optional<SourceTarget>> find(SqlClient db, UUID instanceId, UUID id) {
        return db.preparedQuery("SELECT * FROM connector_target WHERE connector_instance_id = $1 AND id = $2")
                .execute(Tuple.of(instanceId, id))
                .map(rows -> Rows.first(rows, SourceTarget::from));
    }

    /** The target if its instance is in the organisation. */
    public static Uni<Optional<SourceTarget>> findInOrganization(SqlClient db, UUID org, UUID id) {
        return db.preparedQuery("SELECT t.* FROM connector_target t"
                        + " JOIN connector_instance i ON i.id = t.connector_instance_id"
                        + " WHERE i.organization_id = $1 AND t.id = $2")
                .execute(Tuple.of(org, id))
                .map(rows -> Rows.first(rows, SourceTarget::from));
    }

    /** Every target of the instance, oldest first. */
    public static Uni<List<SourceTarget>> ofInstance(SqlClient db, UUID instanceId) {
        return db.preparedQuery(
                        "SELECT * FROM connector_target WHERE connector_instance_id = $1 ORDER BY created_at, id")
                .execute(Tuple.of(instanceId))
                .map(rows -> Rows.all(rows, SourceTarget::from));
    }

    /**
     * Changes the branch and/or status (null keeps the current value); the same repository and
     * branch twice in one instance is a unique violation.
     */
    public static Uni<SourceTarget> update(
            SqlClient db, UUID id, String externalTargetRef, SourceStatus.Target status) {
        return db.preparedQuery("UPDATE connector_target SET external_target_ref = coalesce($2, external_target_ref),"
                        + " status = coalesce($3, status), updated_at = now() WHERE id = $1 RETURNING *")
                .execute(Tuple.of(id, externalTargetRef, status == null ? null : status.wire()))
                .map(rows -> Rows.one(rows, SourceTarget::from));
    }

    /** The repository tree the target last synced ({@code connector_target_tree}); empty before its first sync. */
    public static Uni<Optional<SyncedTree>> syncedTree(SqlClient db, UUID targetId) {
        return db.preparedQuery("SELECT * FROM connector_target_tree WHERE connector_target_id = $1")
                .execute(Tuple.of(targetId))
                .map(rows -> Rows.first(rows, SyncedTree::from));
    }

    /** A page of the instance's targets, newest first. */
    public static Uni<List<SourceTarget>> list(SqlClient db, UUID instanceId, Keyset page) {
        return db.preparedQuery("SELECT * FROM connector_target t WHERE t.connector_instance_id = $1 AND "
                        + Keyset.after("t", "created_at", 2, 3) + " ORDER BY t.created_at DESC, t.id DESC LIMIT $4")
                .execute(Tuple.of(instanceId, page.afterCreatedAt(), page.afterId(), page.limit()))
                .map(rows -> Rows.all(rows, SourceTarget::from));
    }

    /**
     * Inserts a target of the instance ({@code targetKind} null: {@link SourceKinds#REPOSITORY_BRANCH});
     * the same repository and branch twice in one instance is a unique violation.
     */
    public static Uni<SourceTarget> create(
            SqlClient db,
            UUID instanceId,
            String connectorType,
            String remoteId,
            String targetKind,
            String externalTargetRef,
            JsonObject targetConfig) {
        return db.preparedQuery("INSERT INTO connector_target (connector_instance_id, connector_type, remote_id,"
                        + " target_kind, external_target_ref, target_config_json) VALUES ($1, $2, $3, $4, $5, $6)"
                        + " RETURNING *")
                .execute(Tuple.from(new Object[] {
                    instanceId,
                    connectorType,
                    remoteId,
                    targetKind == null ? SourceKinds.REPOSITORY_BRANCH : targetKind,
                    externalTargetRef,
                    targetConfig
                }))
                .map(rows -> Rows.one(rows, SourceTarget::from));
    }

    /**
     * Syncable targets of a pushed repository branch (by name or, after renames, by repository id),
     * of the installation when {@code installationId} is given.
     */
    public static Uni<List<TargetRef>> forPush(
            SqlClient db, String fullName, String repositoryId, String branch, String installationId) {
        return db.preparedQuery("SELECT t.id, t.connector_instance_id, t.remote_id" + WITH_ACCOUNT + " AND "
                        + SYNCABLE + " AND t.external_target_ref = $3"
                        + " AND (lower(t.remote_id) = lower($1) OR t.target_config_json ->> 'repository_id' = $2)"
                        + " AND ($4::text IS NULL OR a.remote_id = $4)")
                .execute(Tuple.of(fullName, repositoryId, branch, installationId))
                .map(rows -> Rows.all(rows, SourceTargets::ref));
    }

    /** What a sync needs to know about the target, with whether it may sync. */
    public static Uni<Optional<SyncTarget>> syncTarget(SqlClient db, UUID targetId) {
        return db.preparedQuery(SYNC_TARGET + " AND t.id = $1")
                .execute(Tuple.of(targetId))
                .map(rows -> Rows.first(rows, SourceTargets::syncTarget));
    }

    /** As {@link #syncTarget}, locking the target row: one sync of a target applies at a time. */
    public static Uni<Optional<SyncTarget>> lockSyncTarget(SqlClient db, UUID targetId) {
        return db.preparedQuery(SYNC_TARGET + " AND t.id = $1 FOR UPDATE OF t")
                .execute(Tuple.of(targetId))
                .map(rows -> Rows.first(rows, SourceTargets::syncTarget));
    }

    /** Every target that may sync (target, instance and account active), for the periodic head check. */
    public static Uni<List<SyncTarget>> syncable(SqlClient db) {
        return db.preparedQuery(SYNC_TARGET + " AND " + SYNCABLE + " ORDER BY t.id")
                .execute()
                .map(rows -> Rows.all(rows, SourceTargets::syncTarget));
    }

    /** Records the revision the target is now in sync with. */
    public static Uni<Void> markSynced(SqlClient db, UUID targetId, String revision) {
        return db.preparedQuery("UPDATE connector_target SET last_synced_revision_ref = $2, updated_at = now()"
                        + " WHERE id = $1")
                .execute(Tuple.of(targetId, revision))
                .replaceWithVoid();
    }

    /** Ids of every target of the installation. */
    public static Uni<List<UUID>> idsOfInstallation(SqlClient db, String installationId) {
        return db.preparedQuery("SELECT t.id FROM connector_target t WHERE" + OF_INSTALLATION.formatted("$1"))
                .execute(Tuple.of(installationId))
                .map(rows -> Rows.all(rows, row -> row.getUUID(0)));
    }

    /** Sets the status of the installation's targets of the given repositories (any case); returns them. */
    public static Uni<List<TargetRef>> setStatusOfRepositories(
            SqlClient db, String installationId, List<String> repositories, SourceStatus.Target status) {
        String[] lower = repositories.stream().map(String::toLowerCase).toArray(String[]::new);
        return db.preparedQuery("UPDATE connector_target t SET status = $3, updated_at = now() WHERE"
                        + OF_INSTALLATION.formatted("$1") + " AND lower(t.remote_id) = ANY($2)"
                        + " RETURNING t.id, t.connector_instance_id, t.remote_id")
                .execute(Tuple.of(installationId, lower, status.wire()))
                .map(rows -> Rows.all(rows, SourceTargets::ref));
    }

    /**
     * Points targets of a renamed repository (old name or repository id) at its new name, keeping
     * the id and the previous name in the target config; returns the active ones. A null {@code
     * installationId} matches every installation.
     */
    public static Uni<List<TargetRef>> rename(
            SqlClient db, String installationId, String oldFullName, String newFullName, String repositoryId) {
        return db.preparedQuery("UPDATE connector_target t SET remote_id = $3,"
                        + " target_config_json = t.target_config_json || $5, updated_at = now() WHERE"
                        + OF_INSTALLATION.formatted("coalesce($1, a.remote_id)")
                        + " AND (lower(t.remote_id) = lower($2) OR t.target_config_json ->> 'repository_id' = $4)"
                        + " RETURNING t.id, t.connector_instance_id, t.remote_id, t.status")
                .execute(Tuple.of(
                        installationId,
                        oldFullName,
                        newFullName,
                        repositoryId,
                        new JsonObject().put("repository_id", repositoryId).put("previous_remote_id", oldFullName)))
                .map(rows -> Rows.all(rows, row -> row).stream()
                        .filter(row -> ACTIVE.equals(row.getString("status")))
                        .map(SourceTargets::ref)
                        .toList());
    }

    private static TargetRef ref(Row r) {
        return new TargetRef(r.getUUID("id"), r.getUUID("connector_instance_id"), r.getString("remote_id"));
    }

    private static SyncTarget syncTarget(Row r) {
        return new SyncTarget(
                r.getUUID("id"),
                r.getUUID("connector_instance_id"),
                r.getUUID("organization_id"),
                r.getString("remote_id"),
                r.getString("external_target_ref"),
                r.getString("installation_id"),
                r.getString("last_synced_revision_ref"),
                r.getBoolean("syncable"));
    }
}
