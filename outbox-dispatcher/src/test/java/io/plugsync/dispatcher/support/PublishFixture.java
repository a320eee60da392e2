package io.plugsync.dispatcher.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.outbox.ConnectorVersionPublished;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.common.outbox.OutboxPayload;
import io.plugsync.engines.OrgFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Mimics config-api's publish with plain JDBC: in one transaction, the next version row (active),
 * its event flow manifests and the outbox row, exactly as the publish contract describes.
 */
public final class PublishFixture {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Connection db;

    public PublishFixture(Connection db) {
        this.db = db;
    }

    /** The result of one publish. */
    public record Published(UUID connectorId, int version, String checksum, UUID eventId, long seq) {}

    public UUID newConnector() throws SQLException {
        UUID org = OrgFixtures.newOrganisation(db, "disp");
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO connector (id, organization_id, name, created_by) VALUES (?, ?, ?, 'fixture')")) {
            insert.setObject(1, id);
            insert.setObject(2, org);
            insert.setString(3, "c-" + id.toString().substring(0, 8));
            insert.executeUpdate();
        }
        return id;
    }

    /** A small V3 document with one event flow, distinct per version. */
    public static ObjectNode document(int version, String marker) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.putObject("entities").putObject("contact").put("primary_key", "id");
        doc.putObject("event_flows")
                .putObject("hubspot/contact.created")
                .put("target", "contact")
                .put("revision", version);
        doc.putObject("settings").put("marker", marker).put("version", version);
        return doc;
    }

    /** Publishes {@code document} as the next version, with one manifest per entry of event_flows. */
    public Published publish(UUID connectorId, JsonNode document) throws SQLException {
        return publish(connectorId, document, CanonicalJson.sha256(document), p -> {});
    }

    /** More writes in a publish's transaction, after its outbox row (e.g. the rollout it starts). */
    @FunctionalInterface
    public interface InPublish {
        void run(Published published) throws SQLException;
    }

    /** Publishes {@code document} and runs {@code more} before the commit. */
    public Published publish(UUID connectorId, JsonNode document, InPublish more) throws SQLException {
        return publish(connectorId, document, CanonicalJson.sha256(document), more);
    }

    /**
     * Publishes a version whose stored checksum is {@code checksum} (a corrupted row when it does not
     * match the document); version rows are immutable, so this is the only way to get one.
     */
    public Published publishWithStoredChecksum(UUID connectorId, JsonNode document, String checksum)
            throws SQLException {
        return publish(connectorId, document, checksum, p -> {});
    }

    private Published publish(UUID connectorId, JsonNode document, String checksum, InPublish more)
            throws SQLException {
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            int version;
            try (PreparedStatement lock = db.prepareStatement("SELECT id FROM connector WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, connectorId);
                lock.executeQuery().close();
            }
            try (PreparedStatement max = db.prepareStatement(
                    "SELECT COALESCE(max(version), 0) FROM connector_config_versions WHERE connector_id = ?")) {
                max.setObject(1, connectorId);
                try (ResultSet rs = max.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1) + 1;
                }
            }
            try (PreparedStatement off = db.prepareStatement(
                    "UPDATE connector_config_versions SET is_active = false WHERE connector_id = ? AND is_active")) {
                off.setObject(1, connectorId);
                off.executeUpdate();
            }
            Timestamp publishedAt;
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO connector_config_versions (connector_id, version, document, checksum, is_active,"
                            + " published_by, published_by_kind, based_on_version) VALUES (?, ?, ?::jsonb, ?, true,"
                            + " 'fixture', 'script', ?) RETURNING published_at")) {
                insert.setObject(1, connectorId);
                insert.setInt(2, version);
                insert.setString(3, CanonicalJson.write(document));
                insert.setString(4, checksum);
                insert.setInt(5, version - 1);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    publishedAt = rs.getTimestamp(1);
                }
            }
            var flows = document.path("event_flows").fields();
            while (flows.hasNext()) {
                Map.Entry<String, JsonNode> flow = flows.next();
                String[] parts = flow.getKey().split("/", 2);
                try (PreparedStatement manifest = db.prepareStatement(
                        "INSERT INTO event_flow_manifests (connector_id, version, flow_key, source, event_type,"
                                + " manifest, checksum) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)")) {
                    manifest.setObject(1, connectorId);
                    manifest.setInt(2, version);
                    manifest.setString(3, flow.getKey());
                    manifest.setString(4, parts[0]);
                    manifest.setString(5, parts.length > 1 ? parts[1] : "");
                    manifest.setString(6, CanonicalJson.write(flow.getValue()));
                    manifest.setString(7, CanonicalJson.sha256(flow.getValue()));
                    manifest.executeUpdate();
                }
            }
            UUID org = organizationOf(connectorId);
            Published published = enqueue(new ConnectorVersionPublished(
                    connectorId, org, version, checksum, publishedAt.toInstant().atOffset(ZoneOffset.UTC)));
            more.run(published);
            db.commit();
            return published;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(auto);
        }
    }

    private Published enqueue(ConnectorVersionPublished payload) throws SQLException {
        UUID id = event(payload);
        try (PreparedStatement seq = db.prepareStatement("SELECT seq FROM outbox_event WHERE id = ?")) {
            seq.setObject(1, id);
            try (ResultSet rs = seq.executeQuery()) {
                rs.next();
                return new Published(payload.connectorId(), payload.version(), payload.checksum(), id, rs.getLong(1));
            }
        }
    }

    /** The organisation a connector belongs to. */
    public UUID organizationOf(UUID connectorId) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT organization_id FROM connector WHERE id = ?")) {
            q.setObject(1, connectorId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /** An outbox row of a contract event type, with its payload as the contract writes it. */
    public UUID event(OutboxPayload payload) throws SQLException {
        return rawEvent(
                payload.eventType().aggregateType(),
                payload.aggregateId(),
                payload.eventType().name(),
                OutboxContract.encode(payload).toString());
    }

    /** An outbox row of an arbitrary aggregate type (e.g. one without a handler). */
    public UUID rawEvent(String aggregateType, String aggregateId, String eventType, String payloadJson)
            throws SQLException {
        try (PreparedStatement outbox = db.prepareStatement(
                "INSERT INTO outbox_event (aggregate_type, aggregate_id, event_type, payload) VALUES (?, ?, ?, ?::jsonb)"
                        + " RETURNING id")) {
            outbox.setString(1, aggregateType);
            outbox.setString(2, aggregateId);
            outbox.setString(3, eventType);
            outbox.setString(4, payloadJson);
            try (ResultSet rs = outbox.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /** delivered_at, attempts, last_error, dead_at of one event. */
    public record Delivery(Timestamp deliveredAt, int attempts, String lastError, Timestamp deadAt) {}

    public Delivery delivery(UUID eventId) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT delivered_at, attempts, last_error, dead_at FROM outbox_event WHERE id = ?")) {
            q.setObject(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new Delivery(rs.getTimestamp(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4));
            }
        }
    }

    /** Undelivered and not dead events in the whole table. */
    public long pending() throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE delivered_at IS NULL AND dead_at IS NULL")) {
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
