package io.plugsync.api.publish;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The writes of a publish: version, active flag, manifests, outbox event, idempotency record. */
@ApplicationScoped
public class PublishRepository {

    /** A stored answer to an idempotency key. */
    public record StoredResponse(String requestHash, int status, String body) {}

    /** One {@code event_flow_manifests} row to insert. */
    public record Manifest(String flowKey, String source, String eventType, String manifestJson, String checksum) {}

    /**
     * Clears the active flag of the connector's current version, then inserts {@code version} as the
     * active one (the partial unique index allows one active row at any time); returns its
     * publication time.
     */
    public Uni<OffsetDateTime> insertVersion(
            SqlClient db,
            UUID connectorId,
            int version,
            String documentJson,
            String checksum,
            String publishedBy,
            String publishedByKind,
            String message,
            int basedOnVersion) {
        return db.preparedQuery(
                        "UPDATE connector_config_versions SET is_active = false WHERE connector_id = $1 AND is_active")
                .execute(Tuple.of(connectorId))
                .flatMap(ignored -> db.preparedQuery("INSERT INTO connector_config_versions (connector_id, version,"
                                + " document, checksum, is_active, published_by, published_by_kind, message,"
                                + " based_on_version) VALUES ($1, $2, $3::text::jsonb, $4, true, $5, $6, $7, $8)"
                                + " RETURNING published_at")
                        .execute(Tuple.from(new Object[] {
                            connectorId,
                            version,
                            documentJson,
                            checksum,
                            publishedBy,
                            publishedByKind,
                            message,
                            basedOnVersion
                        })))
                .map(rows -> rows.iterator().next().getOffsetDateTime("published_at"));
    }

    public Uni<Void> insertManifests(SqlClient db, UUID connectorId, int version, List<Manifest> manifests) {
        if (manifests.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>();
        for (Manifest m : manifests) {
            batch.add(Tuple.from(new Object[] {
                connectorId, version, m.flowKey(), m.source(), m.eventType(), m.manifestJson(), m.checksum()
            }));
        }
        return db.preparedQuery("INSERT INTO event_flow_manifests"
                        + " (connector_id, version, flow_key, source, event_type, manifest, checksum)"
                        + " VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7)")
                .executeBatch(batch)
                .replaceWithVoid();
    }

    public Uni<Void> insertOutbox(
            SqlClient db,
            String aggregateType,
            String aggregateId,
            String eventType,
            String payloadJson,
            String traceContextJson) {
        return db.preparedQuery(
                        "INSERT INTO outbox_event (aggregate_type, aggregate_id, event_type, payload, trace_context)"
                                + " VALUES ($1, $2, $3, $4::text::jsonb, $5::text::jsonb)")
                .execute(Tuple.of(aggregateType, aggregateId, eventType, payloadJson, traceContextJson))
                .replaceWithVoid();
    }

    public Uni<Optional<StoredResponse>> findIdempotent(SqlClient db, UUID connectorId, String key) {
        return db.preparedQuery("SELECT request_hash, response_status, response_body::text AS body"
                        + " FROM publish_idempotency_key WHERE connector_id = $1 AND idempotency_key = $2")
                .execute(Tuple.of(connectorId, key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    var row = rows.iterator().next();
                    return Optional.of(new StoredResponse(
                            row.getString("request_hash"), row.getInteger("response_status"), row.getString("body")));
                });
    }

    public Uni<Void> storeIdempotent(
            SqlClient db, UUID connectorId, String key, String requestHash, int status, String bodyJson) {
        return db.preparedQuery("INSERT INTO publish_idempotency_key"
                        + " (connector_id, idempotency_key, request_hash, response_status, response_body)"
                        + " VALUES ($1, $2, $3, $4, $5::text::jsonb)")
                .execute(Tuple.of(connectorId, key, requestHash, status, bodyJson))
                .replaceWithVoid();
    }
}
