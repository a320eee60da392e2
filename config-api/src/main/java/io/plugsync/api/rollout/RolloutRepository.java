package io.plugsync.api.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.sql.Rows;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code connector_rollout}, its moves, health counters and the draft journal entries it writes. */
@ApplicationScoped
public class RolloutRepository {
    static final String COLUMNS = "id, connector_id, organization_id, candidate_version, stable_version,"
            + " plan::text AS plan, state, step_index, step_started_at, due_at, paused_remaining_ms, moves, reason,"
            + " created_by, created_by_kind, created_at, updated_at, finished_at";
    static final String OPEN = "state IN ('in_progress', 'paused')";

    /** What a publish needs to know, in one round trip: the open rollout (locked) and the defaults. */
    public record PublishContext(Optional<RolloutRow> open, JsonNode connectorDefault, JsonNode organizationDefault) {}

    public Uni<PublishContext> publishContext(SqlClient db, UUID connectorId, UUID organizationId) {
        return db.preparedQuery("WITH open AS (SELECT " + COLUMNS + " FROM connector_rollout WHERE connector_id = $1"
                        + " AND " + OPEN + " FOR UPDATE)"
                        + " SELECT o.*, (SELECT d.rollout::text FROM connector_rollout_default d"
                        + " WHERE d.connector_id = $1) AS connector_default,"
                        + " (SELECT d.rollout::text FROM connector_rollout_default d WHERE d.organization_id = $2"
                        + " AND d.connector_id IS NULL) AS organization_default"
                        + " FROM (SELECT 1) one LEFT JOIN open o ON true")
                .execute(Tuple.of(connectorId, organizationId))
                .map(rows -> Rows.one(
                        rows,
                        row -> new PublishContext(
                                row.getUUID("id") == null ? Optional.empty() : Optional.of(row(row)),
                                json(row.getString("connector_default")),
                                json(row.getString("organization_default")))));
    }

    /** The database's clock (the transaction's start): every rollout time comes from it. */
    public Uni<OffsetDateTime> now(SqlClient db) {
        return db.query("SELECT now() AS now").execute().map(rows -> Rows.one(rows, r -> r.getOffsetDateTime("now")));
    }

    /** The connector's open rollout, locked for a manual action. */
    public Uni<Optional<RolloutRow>> lockOpen(SqlClient db, UUID connectorId) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM connector_rollout WHERE connector_id = $1 AND " + OPEN
                        + " FOR UPDATE")
                .execute(Tuple.of(connectorId))
                .map(rows -> Rows.first(rows, RolloutRepository::row));
    }

    /** The connector's newest rollout, whatever its state. */
    public Uni<Optional<RolloutRow>> latest(SqlClient db, UUID connectorId) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM connector_rollout WHERE connector_id = $1"
                        + " ORDER BY created_at DESC, id DESC LIMIT 1")
                .execute(Tuple.of(connectorId))
                .map(rows -> Rows.first(rows, RolloutRepository::row));
    }

    public Uni<Optional<RolloutRow>> find(SqlClient db, UUID connectorId, UUID rolloutId) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM connector_rollout WHERE connector_id = $1 AND id = $2")
                .execute(Tuple.of(connectorId, rolloutId))
                .map(rows -> Rows.first(rows, RolloutRepository::row));
    }

    /** A page of the connector's rollouts, newest first, after the cursor ({@code created_at}, {@code id}). */
    public Uni<List<RolloutRow>> page(
            SqlClient db, UUID connectorId, OffsetDateTime beforeCreated, UUID beforeId, int limit) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM connector_rollout WHERE connector_id = $1"
                        + " AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3))"
                        + " ORDER BY created_at DESC, id DESC LIMIT $4")
                .execute(Tuple.of(connectorId, beforeCreated, beforeId, limit))
                .map(rows -> Rows.all(rows, RolloutRepository::row));
    }

    /** Checksums of some versions of a connector. */
    public Uni<Map<Integer, String>> checksums(SqlClient db, UUID connectorId, Integer... versions) {
        return db.preparedQuery("SELECT version, checksum FROM connector_config_versions"
                        + " WHERE connector_id = $1 AND version = ANY($2)")
                .execute(Tuple.of(connectorId, versions))
                .map(rows -> {
                    Map<Integer, String> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getInteger("version"), r.getString("checksum")));
                    return out;
                });
    }

    public Uni<RolloutRow> insert(
            SqlClient db,
            UUID connectorId,
            UUID organizationId,
            int candidate,
            int stable,
            RolloutPlan plan,
            java.time.Duration firstStep,
            String createdBy,
            String createdByKind) {
        return db.preparedQuery("INSERT INTO connector_rollout (connector_id, organization_id, candidate_version,"
                        + " stable_version, strategy, plan, state, step_index, due_at, created_by, created_by_kind)"
                        + " VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, 'in_progress', 0,"
                        + " now() + $7 * interval '1 millisecond', $8, $9)"
                        + " RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[] {
                    connectorId,
                    organizationId,
                    candidate,
                    stable,
                    plan.spec().strategy().wire(),
                    plan.toJson().toString(),
                    firstStep.toMillis(),
                    createdBy,
                    createdByKind
                }))
                .map(rows -> Rows.one(rows, RolloutRepository::row));
    }

    /** Stores the row's mutable columns as they are in {@code r}. */
    public Uni<RolloutRow> update(SqlClient db, RolloutRow r) {
        return db.preparedQuery("UPDATE connector_rollout SET state = $2, step_index = $3, step_started_at = $4,"
                        + " due_at = $5, paused_remaining_ms = $6, moves = $7, reason = $8, finished_at = $9,"
                        + " evaluated_at = now(), updated_at = now() WHERE id = $1 RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[] {
                    r.id(),
                    r.state().wire(),
                    r.stepIndex(),
                    r.stepStartedAt(),
                    r.dueAt(),
                    r.pausedRemainingMs(),
                    r.moves(),
                    r.reason(),
                    r.finishedAt()
                }))
                .map(rows -> Rows.one(rows, RolloutRepository::row));
    }

    public Uni<Void> insertMove(
            SqlClient db,
            UUID rolloutId,
            int seq,
            int step,
            String state,
            RolloutSpec.Step share,
            String reason,
            String actor,
            OffsetDateTime movedAt) {
        return db.preparedQuery("INSERT INTO connector_rollout_move (rollout_id, seq, step_index, state, basis_points,"
                        + " groups, reason, actor, moved_at) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, $9)")
                .execute(Tuple.from(new Object[] {
                    rolloutId,
                    seq,
                    step,
                    state,
                    share.basisPoints(),
                    new JsonArray(new ArrayList<>(share.groups())).encode(),
                    reason,
                    actor,
                    movedAt
                }))
                .replaceWithVoid();
    }

    public Uni<List<RolloutMove>> moves(SqlClient db, UUID rolloutId) {
        return db.preparedQuery("SELECT seq, step_index, state, basis_points, groups::text AS groups, reason, actor,"
                        + " moved_at FROM connector_rollout_move WHERE rollout_id = $1 ORDER BY seq")
                .execute(Tuple.of(rolloutId))
                .map(rows -> Rows.all(rows, r -> {
                    List<String> groups = new ArrayList<>();
                    new JsonArray(r.getString("groups")).forEach(g -> groups.add(String.valueOf(g)));
                    return new RolloutMove(
                            r.getInteger("seq"),
                            r.getInteger("step_index"),
                            r.getString("state"),
                            RolloutSpecs.percentOf(r.getInteger("basis_points")),
                            groups,
                            r.getString("reason"),
                            r.getString("actor"),
                            r.getOffsetDateTime("moved_at"));
                }));
    }

    /** A draft journal entry about the rollout, at the draft's current revision. */
    public Uni<Void> journal(
            SqlClient db, UUID connectorId, String action, String writerKind, String actor, JsonNode detail) {
        // clock_timestamp: after the publish entry written in the same transaction, not at the same instant
        return db.preparedQuery("INSERT INTO connector_config_draft_changes"
                        + " (connector_id, revision, action, writer_kind, actor, paths, detail, created_at)"
                        + " SELECT $1, d.revision, $2, $3, $4, '[]'::jsonb, $5::text::jsonb, clock_timestamp()"
                        + " FROM connector_config_drafts d WHERE d.connector_id = $1")
                .execute(Tuple.of(connectorId, action, writerKind, actor, detail.toString()))
                .replaceWithVoid();
    }

    /**
     * Running rollouts to evaluate, least recently evaluated first, locked: a rollout another
     * config-api replica holds is skipped, so each step decision is taken once.
     */
    public Uni<List<RolloutRow>> claimRunning(SqlClient db, int limit) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM connector_rollout WHERE state = 'in_progress'"
                        + " ORDER BY evaluated_at LIMIT $1 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(limit))
                .map(rows -> Rows.all(rows, RolloutRepository::row));
    }

    public Uni<Void> touch(SqlClient db, UUID rolloutId) {
        return db.preparedQuery("UPDATE connector_rollout SET evaluated_at = now() WHERE id = $1")
                .execute(Tuple.of(rolloutId))
                .replaceWithVoid();
    }

    /** The candidate's counters in the rollout's current step, the stable version's over the rollout. */
    public Uni<Health> health(SqlClient db, RolloutRow r) {
        return db.preparedQuery("SELECT"
                        + " coalesce(sum(reports) FILTER (WHERE version = $2 AND step_index = $4), 0) AS c_reports,"
                        + " coalesce(sum(events) FILTER (WHERE version = $2 AND step_index = $4), 0) AS c_events,"
                        + " coalesce(sum(errors) FILTER (WHERE version = $2 AND step_index = $4), 0) AS c_errors,"
                        + " coalesce(sum(reports) FILTER (WHERE version = $3), 0) AS s_reports,"
                        + " coalesce(sum(events) FILTER (WHERE version = $3), 0) AS s_events,"
                        + " coalesce(sum(errors) FILTER (WHERE version = $3), 0) AS s_errors"
                        + " FROM connector_rollout_health WHERE rollout_id = $1")
                .execute(Tuple.of(r.id(), r.candidateVersion(), r.stableVersion(), r.stepIndex()))
                .map(rows -> Rows.one(
                        rows,
                        row -> new Health(
                                new Health.Counts(
                                        row.getLong("c_reports"), row.getLong("c_events"), row.getLong("c_errors")),
                                new Health.Counts(
                                        row.getLong("s_reports"), row.getLong("s_events"), row.getLong("s_errors")))));
    }

    static RolloutRow row(Row row) {
        Long paused = row.getLong("paused_remaining_ms");
        return new RolloutRow(
                row.getUUID("id"),
                row.getUUID("connector_id"),
                row.getUUID("organization_id"),
                row.getInteger("candidate_version"),
                row.getInteger("stable_version"),
                RolloutPlan.fromJson(V3Document.parse(row.getString("plan"))),
                RolloutState.of(row.getString("state")),
                row.getInteger("step_index"),
                row.getOffsetDateTime("step_started_at"),
                row.getOffsetDateTime("due_at"),
                paused,
                row.getInteger("moves"),
                row.getString("reason"),
                row.getString("created_by"),
                row.getString("created_by_kind"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"),
                row.getOffsetDateTime("finished_at"));
    }

    private static JsonNode json(String text) {
        return text == null ? null : V3Document.parse(text);
    }
}
