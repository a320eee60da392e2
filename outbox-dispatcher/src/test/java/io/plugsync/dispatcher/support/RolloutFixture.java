package io.plugsync.dispatcher.support;

import io.plugsync.common.outbox.ConnectorRolloutMoved;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Mimics config-api's rollout writes with plain JDBC: a publish that starts a rollout (version,
 * rollout row and its first move in one transaction) and the later moves (row state and outbox
 * event), exactly as the outbox contract describes them.
 */
public final class RolloutFixture {
    private final Connection db;
    private final PublishFixture publishes;

    public RolloutFixture(Connection db, PublishFixture publishes) {
        this.db = db;
        this.publishes = publishes;
    }

    /** A rollout in progress and the checksums its moves carry. */
    public record Rollout(
            UUID id,
            UUID connectorId,
            UUID organizationId,
            int stable,
            String stableChecksum,
            int candidate,
            String candidateChecksum) {}

    /**
     * Publishes the next version as the candidate of a rollout from {@code stable}, with its first
     * move (step 0 at {@code basisPoints}) in the same transaction.
     */
    public Rollout publishRolledOut(UUID connectorId, int stable, int basisPoints, List<String> groups)
            throws SQLException {
        Rollout[] started = new Rollout[1];
        publishes.publish(connectorId, PublishFixture.document(0, "candidate-" + UUID.randomUUID()), published -> {
            UUID id = UUID.randomUUID();
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO connector_rollout (id, connector_id,"
                    + " organization_id, candidate_version, stable_version, strategy, plan, state, created_by,"
                    + " created_by_kind) SELECT ?, c.id, c.organization_id, ?, ?, 'linear', '{}'::jsonb,"
                    + " 'in_progress', 'fixture', 'script' FROM connector c WHERE c.id = ?")) {
                insert.setObject(1, id);
                insert.setInt(2, published.version());
                insert.setInt(3, stable);
                insert.setObject(4, connectorId);
                insert.executeUpdate();
            }
            started[0] = new Rollout(
                    id,
                    connectorId,
                    publishes.organizationOf(connectorId),
                    stable,
                    checksum(connectorId, stable),
                    published.version(),
                    published.checksum());
            move(started[0], 1, ConnectorRolloutMoved.IN_PROGRESS, 0, basisPoints, groups, null);
        });
        return started[0];
    }

    /** The {@code move}-th move's outbox event (and the row's state when it ends the rollout). */
    public UUID move(Rollout r, int move, String state, int step, int basisPoints, List<String> groups, String reason)
            throws SQLException {
        if (!ConnectorRolloutMoved.IN_PROGRESS.equals(state)) {
            try (PreparedStatement update =
                    db.prepareStatement("UPDATE connector_rollout SET state = ?, finished_at = now() WHERE id = ?")) {
                update.setString(1, state);
                update.setObject(2, r.id());
                update.executeUpdate();
            }
        }
        return publishes.event(payload(r, move, state, step, basisPoints, groups, reason));
    }

    public static ConnectorRolloutMoved payload(
            Rollout r, int move, String state, int step, int basisPoints, List<String> groups, String reason) {
        return new ConnectorRolloutMoved(
                r.connectorId(),
                r.organizationId(),
                r.id(),
                move,
                state,
                step,
                r.stable(),
                r.stableChecksum(),
                r.candidate(),
                r.candidateChecksum(),
                basisPoints,
                groups,
                reason,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    private String checksum(UUID connectorId, int version) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT checksum FROM connector_config_versions WHERE connector_id = ? AND version = ?")) {
            q.setObject(1, connectorId);
            q.setInt(2, version);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
