package io.plugsync.common.source;

import io.plugsync.common.sql.Keyset;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of {@code connector_instance}: reads with the member's access rank, creation under an
 * active account, admin edits and archiving, and the worker's last-sync bookkeeping.
 */
public final class SourceInstances {
    private static final String RANKED =
            "SELECT i.*, library_instance_rank(i.id, $2::uuid) AS access_rank FROM connector_instance i";

    private SourceInstances() {}

    public static Uni<Optional<SourceInstance.Ranked>> find(SqlClient db, UUID org, UUID member, UUID id) {
        return db.preparedQuery(RANKED + " WHERE i.organization_id = $1 AND i.id = $3")
                .execute(Tuple.of(org, member, id))
                .map(rows -> Rows.first(rows, SourceInstance::ranked));
    }

    /**
     * A page of the instances the member can see ({@code admin}: all) with {@code status}, newest
     * first; a null {@code status} means every status but archived.
     */
    public static Uni<List<SourceInstance.Ranked>> list(
            SqlClient db, UUID org, UUID member, boolean admin, SourceStatus.Instance status, Keyset page) {
        return db.preparedQuery(RANKED + " WHERE i.organization_id = $1"
                        + " AND ($3 OR library_instance_rank(i.id, $2::uuid) > 0)"
                        + " AND CASE WHEN $4::text IS NULL THEN i.status <> $5 ELSE i.status = $4 END AND "
                        + Keyset.after("i", "created_at", 6, 7)
                        + " ORDER BY i.created_at DESC, i.id DESC LIMIT $8")
                .execute(Tuple.from(Arrays.asList(
                        org,
                        member,
                        admin,
                        status == null ? null : status.wire(),
                        SourceStatus.Instance.ARCHIVED.wire(),
                        page.afterCreatedAt(),
                        page.afterId(),
                        page.limit())))
                .map(rows -> Rows.all(rows, SourceInstance::ranked));
    }

    /** Inserts an instance of an active account of the organisation; empty when there is none. */
    public static Uni<Optional<UUID>> create(
            SqlClient db,
            UUID org,
            UUID accountId,
            String remoteId,
            String name,
            JsonObject instanceConfig,
            UUID createdByMembershipId) {
        return db.preparedQuery("INSERT INTO connector_instance (organization_id, connector_account_id, connector_type,"
                        + " remote_id, name, instance_config_json, created_by_org_membership_id)"
                        + " SELECT a.organization_id, a.id, a.connector_type, $3, $4, $5, $6 FROM connector_account a"
                        + " WHERE a.organization_id = $1 AND a.id = $2 AND a.status = $7 RETURNING id")
                .execute(Tuple.from(new Object[] {
                    org,
                    accountId,
                    remoteId,
                    name,
                    instanceConfig,
                    createdByMembershipId,
                    SourceStatus.Account.ACTIVE.wire()
                }))
                .map(rows -> Rows.first(rows, row -> row.getUUID("id")));
    }

    /** Changes the name and/or status (null keeps the current value). */
    public static Uni<Void> update(SqlClient db, UUID id, String name, SourceStatus.Instance status) {
        return db.preparedQuery(
                        "UPDATE connector_instance SET name = coalesce($2, name), status = coalesce($3, status),"
                                + " updated_at = now() WHERE id = $1")
                .execute(Tuple.of(id, name, status == null ? null : status.wire()))
                .replaceWithVoid();
    }

    /** Archives the instance (terminal; {@code archived_at} keeps the first time). */
    public static Uni<Void> archive(SqlClient db, UUID id) {
        return db.preparedQuery("UPDATE connector_instance SET status = $2,"
                        + " archived_at = coalesce(archived_at, now()), updated_at = now() WHERE id = $1")
                .execute(Tuple.of(id, SourceStatus.Instance.ARCHIVED.wire()))
                .replaceWithVoid();
    }

    /** Records a finished sync of one of the instance's targets. */
    public static Uni<Void> markSynced(SqlClient db, UUID id, SourceStatus.Sync status, String cursor) {
        return db.preparedQuery("UPDATE connector_instance SET last_synced_at = now(),"
                        + " last_sync_status = $2, last_sync_cursor = $3, updated_at = now() WHERE id = $1")
                .execute(Tuple.of(id, status.wire(), cursor))
                .replaceWithVoid();
    }
}
