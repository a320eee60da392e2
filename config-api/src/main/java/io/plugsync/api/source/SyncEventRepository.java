package io.plugsync.api.library.connectoradmin;

import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for connector sync events; scoped to the organisation through their instance. */
@ApplicationScoped
public class SyncEventRepository {
    /** Statuses a retry may re-queue. */
    static final String RETRYABLE = "('failed', 'completed_with_errors', 'cancelled', 'skipped')";

    public Uni<Optional<SyncEventView>> find(SqlClient db, UUID org, UUID id) {
        return db.preparedQuery("SELECT e.* FROM connector_sync_event e JOIN connector_instance i"
                        + " ON i.id = e.connector_instance_id WHERE i.organization_id = $1 AND e.id = $2")
                .execute(Sql.tuple(org, id))
                .map(rows -> Sql.first(rows, SyncEventView::from));
    }

    /** Events of instances the member can see ({@code admin}: all), newest first. */
    public Uni<List<SyncEventView>> list(
            SqlClient db, UUID org, UUID member, boolean admin, UUID instanceId, String status, Paging paging) {
        return db.preparedQuery("SELECT e.* FROM connector_sync_event e JOIN connector_instance i"
                        + " ON i.id = e.connector_instance_id WHERE i.organization_id = $1"
                        + " AND ($3 OR library_instance_rank(i.id, $2::uuid) > 0)"
                        + " AND ($4::uuid IS NULL OR e.connector_instance_id = $4)"
                        + " AND ($5::text IS NULL OR e.status = $5) AND " + Paging.after("e", "started_at", 6, 7)
                        + " ORDER BY e.started_at DESC, e.id DESC LIMIT $8")
                .execute(Sql.tuple(
                        org,
                        member,
                        admin,
                        instanceId,
                        status,
                        paging.afterCreatedAt(),
                        paging.afterId(),
                        paging.fetch()))
                .map(rows -> Sql.all(rows, SyncEventView::from));
    }

    /** Queues a manual resync of a target. */
    public Uni<SyncEventView> queueResync(SqlClient db, TargetView target, String requestedBy) {
        return db.preparedQuery("INSERT INTO connector_sync_event (connector_instance_id, connector_target_id,"
                        + " connector_type, remote_id, event_type, status, summary_json)"
                        + " VALUES ($1, $2, $3, $4, 'manual_resync', 'queued', jsonb_build_object('requested_by', $5::text))"
                        + " RETURNING *")
                .execute(Sql.tuple(
                        target.connectorInstanceId(),
                        target.id(),
                        target.connectorType(),
                        target.remoteId(),
                        requestedBy))
                .map(rows -> SyncEventView.from(rows.iterator().next()));
    }

    /** Re-queues a finished, unsuccessful event; empty when its status is not retryable. */
    public Uni<Optional<SyncEventView>> requeue(SqlClient db, UUID id) {
        return db.preparedQuery("UPDATE connector_sync_event SET status = 'queued', next_attempt_at = now(),"
                        + " completed_at = NULL, summary_json = summary_json || jsonb_build_object('retried_at', now())"
                        + " WHERE id = $1 AND status IN " + RETRYABLE + " RETURNING *")
                .execute(Sql.tuple(id))
                .map(rows -> Sql.first(rows, SyncEventView::from));
    }
}
