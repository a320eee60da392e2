package io.plugsync.dispatcher.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.outbox.OutboxEvent;
import io.plugsync.common.replica.ConfigChangeNotification;
import io.plugsync.common.replica.ReplicaPayload;
import io.plugsync.dispatcher.notify.ChangeNotifier;
import io.plugsync.dispatcher.outbox.OutboxHandler;
import io.plugsync.dispatcher.outbox.OutboxRecord;
import io.plugsync.dispatcher.outbox.PermanentDeliveryException;
import io.plugsync.dispatcher.replica.ReplicaWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * {@code connector.version.published}: copies the version (document + manifests) from PostgreSQL
 * into the replica, flips the active pointer, then notifies workers over SQS. The outbox payload
 * is only a pointer; the content comes from the immutable version rows.
 */
@ApplicationScoped
public class ConnectorVersionHandler implements OutboxHandler {
    private final PublishedVersionRepository versions;
    private final ReplicaWriter replica;
    private final ChangeNotifier notifier;

    public ConnectorVersionHandler(
            PublishedVersionRepository versions, ReplicaWriter replica, ChangeNotifier notifier) {
        this.versions = versions;
        this.replica = replica;
        this.notifier = notifier;
    }

    @Override
    public String aggregateType() {
        return OutboxEvent.AggregateTypes.CONNECTOR;
    }

    @Override
    public Uni<Void> deliver(OutboxRecord event) {
        if (!OutboxEvent.EventTypes.CONNECTOR_VERSION_PUBLISHED.equals(event.eventType())) {
            return Uni.createFrom()
                    .failure(new PermanentDeliveryException(
                            "connector handler does not know event type '" + event.eventType() + "'"));
        }
        UUID connectorId;
        int version;
        try {
            JsonNode payload = event.payload();
            connectorId = UUID.fromString(payload.path("connector_id").asText());
            version = payload.path("version").asInt(0);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new PermanentDeliveryException("malformed payload: " + e.getMessage()));
        }
        if (version <= 0) {
            return Uni.createFrom().failure(new PermanentDeliveryException("payload has no positive version"));
        }
        return versions.find(connectorId, version).chain(found -> {
            if (found.isEmpty()) {
                throw new PermanentDeliveryException(
                        "connector " + connectorId + " has no published version " + version);
            }
            PublishedVersion v = found.get();
            String actual = CanonicalJson.sha256(v.document());
            if (!actual.equals(v.checksum())) {
                throw new PermanentDeliveryException("version " + version + " of " + connectorId
                        + " does not match its checksum (stored " + v.checksum() + ", computed " + actual + ")");
            }
            byte[] payload = ReplicaPayload.encode(v.document(), v.manifests());
            return replica.write(
                            connectorId,
                            version,
                            v.checksum(),
                            payload,
                            v.publishedAt().toInstant())
                    .chain(() -> notifier.send(
                            event.id(), new ConfigChangeNotification(connectorId, version, v.checksum())));
        });
    }
}
