package io.plugsync.api.fleet;

import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code fleet_worker} and the rollout health counters reports feed. */
@ApplicationScoped
public class FleetRepository {
    private static final String COLUMNS =
            "worker_id, worker_group, version, events, errors, reports, first_seen_at, last_report_at";

    /** A report to store. */
    public record Report(UUID connectorId, String workerId, String group, int version, long events, long errors) {}

    /** The organisation of a connector that is not archived. */
    public Uni<Optional<UUID>> organizationOf(SqlClient db, UUID connectorId) {
        return db.preparedQuery("SELECT organization_id FROM connector WHERE id = $1 AND archived_at IS NULL")
                .execute(Tuple.of(connectorId))
                .map(rows -> Rows.first(rows, r -> r.getUUID("organization_id")));
    }

    /**
     * Stores the report over the worker's previous one unless that one is younger than {@code
     * minInterval} (rate limit, enforced by the row itself so it holds across config-api replicas).
     * The receipt time when stored.
     */
    public Uni<Optional<OffsetDateTime>> update(SqlClient db, Report r, Duration minInterval) {
        return db.preparedQuery("UPDATE fleet_worker SET worker_group = $3, version = $4, events = $5, errors = $6,"
                        + " reports = reports + 1, last_report_at = now() WHERE connector_id = $1 AND worker_id = $2"
                        + " AND last_report_at <= now() - $7 * interval '1 millisecond' RETURNING last_report_at")
                .execute(Tuple.from(new Object[] {
                    r.connectorId(),
                    r.workerId(),
                    r.group(),
                    r.version(),
                    r.events(),
                    r.errors(),
                    minInterval.toMillis()
                }))
                .map(rows -> Rows.first(rows, row -> row.getOffsetDateTime("last_report_at")));
    }

    /** A new worker's first report, unless the connector already has {@code maxWorkers}. */
    public Uni<Optional<OffsetDateTime>> insert(SqlClient db, Report r, int maxWorkers) {
        return db.preparedQuery("INSERT INTO fleet_worker (connector_id, worker_id, worker_group, version, events,"
                        + " errors) SELECT $1, $2, $3, $4, $5, $6 WHERE (SELECT count(*) FROM fleet_worker"
                        + " WHERE connector_id = $1) < $7 ON CONFLICT (connector_id, worker_id) DO NOTHING"
                        + " RETURNING last_report_at")
                .execute(Tuple.from(new Object[] {
                    r.connectorId(), r.workerId(), r.group(), r.version(), r.events(), r.errors(), (long) maxWorkers
                }))
                .map(rows -> Rows.first(rows, row -> row.getOffsetDateTime("last_report_at")));
    }

    /** Milliseconds until the worker may report again; empty when it has never reported. */
    public Uni<Optional<Long>> waitMillis(SqlClient db, UUID connectorId, String workerId, Duration minInterval) {
        return db.preparedQuery("SELECT greatest(0, ceil(extract(epoch FROM (last_report_at + $3 * interval"
                        + " '1 millisecond' - now())) * 1000))::bigint AS wait FROM fleet_worker"
                        + " WHERE connector_id = $1 AND worker_id = $2")
                .execute(Tuple.of(connectorId, workerId, minInterval.toMillis()))
                .map(rows -> Rows.first(rows, row -> row.getLong("wait")));
    }

    /** A rollout a report counted towards: its id and the step it is in. */
    public record Counted(UUID rolloutId, int step) {}

    /**
     * Adds the report to the open rollout's counters for its current step and the report's version,
     * when the version is the rollout's stable or candidate one.
     */
    public Uni<Optional<Counted>> count(SqlClient db, Report r) {
        return db.preparedQuery("WITH open AS (SELECT id, step_index FROM connector_rollout WHERE connector_id = $1"
                        + " AND state IN ('in_progress', 'paused') AND $2 IN (stable_version, candidate_version))"
                        + " INSERT INTO connector_rollout_health AS h (rollout_id, step_index, version, reports, events,"
                        + " errors) SELECT id, step_index, $2, 1, $3, $4 FROM open"
                        + " ON CONFLICT (rollout_id, step_index, version) DO UPDATE SET reports = h.reports + 1,"
                        + " events = h.events + EXCLUDED.events, errors = h.errors + EXCLUDED.errors"
                        + " RETURNING rollout_id, step_index")
                .execute(Tuple.of(r.connectorId(), r.version(), r.events(), r.errors()))
                .map(rows ->
                        Rows.first(rows, row -> new Counted(row.getUUID("rollout_id"), row.getInteger("step_index"))));
    }

    /** A page of the connector's workers by worker id, after {@code afterWorker}. */
    public Uni<List<FleetWorkerRow>> page(SqlClient db, UUID connectorId, String afterWorker, int limit) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM fleet_worker WHERE connector_id = $1"
                        + " AND ($2::text IS NULL OR worker_id > $2) ORDER BY worker_id LIMIT $3")
                .execute(Tuple.of(connectorId, afterWorker, limit))
                .map(rows -> Rows.all(rows, FleetRepository::row));
    }

    /** Workers per version they last reported. */
    public Uni<Map<Integer, Long>> versions(SqlClient db, UUID connectorId) {
        return db.preparedQuery("SELECT version, count(*) AS workers FROM fleet_worker WHERE connector_id = $1"
                        + " GROUP BY version ORDER BY version DESC")
                .execute(Tuple.of(connectorId))
                .map(rows -> {
                    Map<Integer, Long> out = new LinkedHashMap<>();
                    rows.forEach(row -> out.put(row.getInteger("version"), row.getLong("workers")));
                    return out;
                });
    }

    /** The active version and when it was published (0 and null before the first publish). */
    public record Active(int version, OffsetDateTime publishedAt) {}

    public Uni<Active> active(SqlClient db, UUID connectorId) {
        return db.preparedQuery("SELECT coalesce(max(version), 0) AS version, max(published_at) AS published_at"
                        + " FROM connector_config_versions WHERE connector_id = $1 AND is_active")
                .execute(Tuple.of(connectorId))
                .map(rows -> Rows.one(
                        rows, row -> new Active(row.getInteger("version"), row.getOffsetDateTime("published_at"))));
    }

    /** Removes workers that have not reported for {@code retention}; how many. */
    public Uni<Integer> prune(SqlClient db, Duration retention) {
        return db.preparedQuery("DELETE FROM fleet_worker WHERE last_report_at < now() - $1 * interval '1 millisecond'")
                .execute(Tuple.of(retention.toMillis()))
                .map(rows -> rows.rowCount());
    }

    public Uni<OffsetDateTime> now(SqlClient db) {
        return db.query("SELECT now() AS now").execute().map(rows -> Rows.one(rows, r -> r.getOffsetDateTime("now")));
    }

    private static FleetWorkerRow row(Row row) {
        return new FleetWorkerRow(
                row.getString("worker_id"),
                row.getString("worker_group"),
                row.getInteger("version"),
                row.getLong("events"),
                row.getLong("errors"),
                row.getLong("reports"),
                row.getOffsetDateTime("first_seen_at"),
                row.getOffsetDateTime("last_report_at"));
    }
}
