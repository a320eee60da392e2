package io.plugsync.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.support.FreshDatabase;
import io.plugsync.engines.OrgFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox contract against real rows: what the publish function writes in SQL and what {@link
 * OutboxWriter} writes from Java both read back through the payload records, field for field.
 */
class OutboxContractTest {
    static final String CHECKSUM = "ab".repeat(32);
    static FreshDatabase database;

    @BeforeAll
    static void freshDatabase() throws SQLException {
        database = FreshDatabase.create("outbox");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** A stored outbox row, as the dispatcher reads it. */
    record StoredRow(String aggregateType, String aggregateId, String eventType, int schemaVersion, JsonNode payload) {
        OutboxPayload decode() {
            return OutboxContract.decode(aggregateType, eventType, schemaVersion, payload);
        }
    }

    @Test
    void thePublishFunctionWritesExactlyTheConnectorVersionPublishedRecord() throws Exception {
        UUID org;
        UUID connector = UUID.randomUUID();
        OffsetDateTime publishedAt;
        try (Connection db = database.connect()) {
            org = OrgFixtures.newOrganisation(db, "outbox");
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO connector (id, organization_id, name, created_by) VALUES (?, ?, 'contract', 'test')")) {
                insert.setObject(1, connector);
                insert.setObject(2, org);
                insert.executeUpdate();
            }
            EventType<ConnectorVersionPublished> type = OutboxContract.CONNECTOR_VERSION_PUBLISHED;
            try (PreparedStatement publish = db.prepareStatement("SELECT outcome, published_at FROM"
                    + " plugsync_publish_connector_version(?, ?, 0, '{\"a\": 1}'::jsonb, ?, false,"
                    + " '[]'::jsonb, 'tester', 'api', 'contract', 0, '{}'::jsonb, ?, ?, '{}'::jsonb, NULL)")) {
                publish.setObject(1, connector);
                publish.setObject(2, org);
                publish.setString(3, CHECKSUM);
                publish.setString(4, type.aggregateType());
                publish.setString(5, type.name());
                try (ResultSet rs = publish.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString("outcome")).isEqualTo("published");
                    publishedAt = rs.getObject("published_at", OffsetDateTime.class);
                }
            }
        }

        StoredRow row = rows(connector.toString()).get(0);
        assertThat(row.schemaVersion()).isEqualTo(OutboxContract.CONNECTOR_VERSION_PUBLISHED.schemaVersion());
        ConnectorVersionPublished event = (ConnectorVersionPublished) row.decode();
        assertThat(event.connectorId()).isEqualTo(connector);
        assertThat(event.organizationId()).isEqualTo(org);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.checksum()).isEqualTo(CHECKSUM);
        assertThat(event.publishedAt().toInstant()).isEqualTo(publishedAt.toInstant());
        assertThat(row.aggregateId()).isEqualTo(event.aggregateId());
        // the same fields, no more, no fewer: what Java writes for this event is what SQL wrote
        assertThat(fieldNames(row.payload())).isEqualTo(fieldNames(OutboxContract.encode(event)));
    }

    @Test
    void everyJavaWrittenEventReadsBackAsTheRecordItWasWrittenFrom() {
        UUID org = UUID.randomUUID();
        UUID plugin = UUID.randomUUID();
        UUID object = UUID.randomUUID();
        List<OutboxPayload> written = List.of(
                new ConfigObjectVersionCreated(org, object, UUID.randomUUID(), "skill", false),
                new ConfigObjectVersionCreated(org, object, UUID.randomUUID(), "skill", true),
                new PluginMembershipChanged(org, plugin, object, ChangeKind.ADDED),
                new PluginReleaseCreated(org, plugin, UUID.randomUUID(), 3),
                new ConfigObjectChanged(org, object, "archived"),
                new PluginChanged(org, plugin, "active"),
                new PluginGrantChanged(
                        org, plugin, UUID.randomUUID(), null, UUID.randomUUID(), false, ChangeKind.ADDED),
                new PluginGrantChanged(org, plugin, UUID.randomUUID(), null, null, true, ChangeKind.REMOVED),
                new TeamChanged(org, UUID.randomUUID(), true),
                new TeamMembershipChanged(org, UUID.randomUUID(), UUID.randomUUID(), ChangeKind.REMOVED),
                new ConnectorVersionPublished(
                        UUID.randomUUID(), org, 7, "sha256:def", OffsetDateTime.now(ZoneOffset.UTC)),
                new ConnectorRolloutMoved(
                        UUID.randomUUID(),
                        org,
                        UUID.randomUUID(),
                        2,
                        ConnectorRolloutMoved.IN_PROGRESS,
                        1,
                        4,
                        "sha256:stable",
                        5,
                        "sha256:candidate",
                        2_500,
                        List.of("eu-canary"),
                        null,
                        OffsetDateTime.now(ZoneOffset.UTC)),
                new ConnectorRolloutMoved(
                        UUID.randomUUID(),
                        org,
                        UUID.randomUUID(),
                        3,
                        ConnectorRolloutMoved.ROLLED_BACK,
                        1,
                        4,
                        "sha256:stable",
                        5,
                        "sha256:candidate",
                        0,
                        List.of(),
                        "candidate error rate 0.40 vs stable 0.01",
                        OffsetDateTime.now(ZoneOffset.UTC)));
        database.pool()
                .withTransaction(tx -> {
                    var appends = written.stream()
                            .map(p -> OutboxWriter.append(tx, p))
                            .toList();
                    return io.smallrye.mutiny.Uni.join().all(appends).andFailFast();
                })
                .await()
                .indefinitely();
        for (OutboxPayload payload : written) {
            List<OutboxPayload> read = rows(payload.aggregateId()).stream()
                    .filter(r -> r.eventType().equals(payload.eventType().name()))
                    .map(StoredRow::decode)
                    .toList();
            assertThat(read).contains(payload);
        }
        // every event type of the contract was exercised here or by the publish function test
        assertThat(written.stream().map(OutboxPayload::eventType).distinct())
                .containsExactlyInAnyOrderElementsOf(OutboxContract.ALL);
    }

    @Test
    void aRepairIsNotAppendedWhileItsAggregateHasAnEventInLine() {
        var event = new ConnectorVersionPublished(
                UUID.randomUUID(), UUID.randomUUID(), 1, "sha256:1", OffsetDateTime.now(ZoneOffset.UTC));
        boolean first = database.pool()
                .withTransaction(tx -> OutboxWriter.appendIfIdle(tx, event))
                .await()
                .indefinitely();
        boolean second = database.pool()
                .withTransaction(tx -> OutboxWriter.appendIfIdle(tx, event))
                .await()
                .indefinitely();
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(rows(event.aggregateId())).hasSize(1);
    }

    @Test
    void decodingRefusesWhatTheContractDoesNotSay() {
        UUID id = UUID.randomUUID();
        ObjectNode good = (ObjectNode) OutboxContract.encode(new PluginReleaseCreated(id, id, id, 2));
        EventType<PluginReleaseCreated> type = OutboxContract.PLUGIN_RELEASE_CREATED;

        assertThat(OutboxContract.decode(type.aggregateType(), type.name(), 1, good))
                .isEqualTo(new PluginReleaseCreated(id, id, id, 2));
        assertThatThrownBy(() -> OutboxContract.decode(
                        type.aggregateType(), type.name(), 1, good.deepCopy().put("surprise", 1)))
                .isInstanceOfSatisfying(
                        UndecodableEventException.class,
                        e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("surprise");
        ObjectNode missing = good.deepCopy();
        missing.remove("release_id");
        assertThatThrownBy(() -> OutboxContract.decode(type.aggregateType(), type.name(), 1, missing))
                .isInstanceOfSatisfying(
                        UndecodableEventException.class,
                        e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("release_id");
        assertThatThrownBy(() -> OutboxContract.decode(type.aggregateType(), type.name(), 2, good))
                .isInstanceOfSatisfying(
                        UndecodableEventException.class,
                        e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> OutboxContract.decode(OutboxContract.CONNECTOR, type.name(), 1, good))
                .isInstanceOfSatisfying(
                        UndecodableEventException.class,
                        e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("unknown event type");
    }

    @Test
    void eventTypeNamesAreUniqueAndEachNamesItsAggregate() {
        assertThat(OutboxContract.ALL.stream().map(EventType::name)).doesNotHaveDuplicates();
        assertThat(OutboxContract.ALL)
                .allSatisfy(type -> assertThat(type.name()).startsWith(type.aggregateType() + "."));
        assertThat(OutboxContract.aggregateTypes())
                .containsExactly(
                        OutboxContract.CONNECTOR,
                        OutboxContract.CONFIG_OBJECT,
                        OutboxContract.PLUGIN,
                        OutboxContract.TEAM);
    }

    private static List<StoredRow> rows(String aggregateId) {
        try (Connection db = database.connect();
                PreparedStatement q = db.prepareStatement("SELECT aggregate_type, aggregate_id, event_type,"
                        + " schema_version, payload::text FROM outbox_event WHERE aggregate_id = ? ORDER BY seq")) {
            q.setString(1, aggregateId);
            List<StoredRow> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getInt(4),
                            OutboxContract.JSON.readTree(rs.getString(5))));
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(String::compareTo);
        return names;
    }
}
