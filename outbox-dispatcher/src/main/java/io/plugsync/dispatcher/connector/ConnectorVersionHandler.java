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
import io.plugsync.dispatcher.outbox.RunResult;
import io.plugsync.dispatcher.replica.ReplicaWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code connector.version.published}: copies versions (document + manifests) from PostgreSQL into
 * the replica, flips the active pointer, then notifies workers over SQS. The outbox payload is only
 * a pointer; the content comes from the immutable version rows.
 *
 * <p>A run (several consecutive publishes of one connector claimed together) is delivered as a
 * whole: its versions are read in one query and written in parallel (each version's items are
 * immutable and independent of the others), then the active pointer moves once, to the newest
 * version of the run, and one notification is sent for that version, de-duplicated by that
 * version's outbox event id. The intermediate versions are superseded before any worker could act
 * on them, so workers hear of the newest version only; every version stays readable by number
 * ({@code DynamoConfigStore.version(connector, n)}). The pointer still never moves back: its write
 * is conditional on the replica holding an older version.
 *
 * <p>Outcomes are precise: a version that cannot be replicated (missing, checksum mismatch,
 * malformed event) or whose write fails ends the delivered prefix there; the pointer and the
 * notification cover only the prefix, and the events after the failing one are not attempted.
 */
@ApplicationScoped
public class ConnectorVersionHandler implements OutboxHandler {
    /** Version writes in flight per run; runs of different connectors go in parallel as well. */
    static final int WRITES_PER_RUN = 8;

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
        return deliverRun(List.of(event))
                .chain(result -> result.failure() == null
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(result.failure()));
    }

    /** The connector and version an event points at. */
    private record Ref(OutboxRecord event, UUID connectorId, int version) {}

    /** A version read from PostgreSQL and checked, ready to write. */
    private record Ready(Ref ref, PublishedVersion version) {}

    @Override
    public Uni<RunResult> deliverRun(List<OutboxRecord> run) {
        // the run ends at the first unusable event (a permanent failure) or where the payload names
        // another connector than the first event (left in line for a run of its own)
        List<Ref> refs = new ArrayList<>(run.size());
        PermanentDeliveryException unusable = null;
        for (OutboxRecord event : run) {
            Ref ref;
            try {
                ref = ref(event);
            } catch (PermanentDeliveryException e) {
                unusable = e;
                break;
            }
            if (!refs.isEmpty() && !ref.connectorId().equals(refs.get(0).connectorId())) {
                break;
            }
            refs.add(ref);
        }
        if (refs.isEmpty()) {
            return Uni.createFrom().item(RunResult.failedAt(0, unusable));
        }
        PermanentDeliveryException afterRefs = unusable;
        UUID connectorId = refs.get(0).connectorId();
        return versions.findAll(connectorId, refs.stream().map(Ref::version).toList())
                .chain(found -> {
                    List<Ready> ready = new ArrayList<>(refs.size());
                    Throwable stop = afterRefs;
                    for (Ref ref : refs) {
                        Optional<PermanentDeliveryException> problem = check(ref, found.get(ref.version()));
                        if (problem.isPresent()) {
                            stop = problem.get();
                            break;
                        }
                        ready.add(new Ready(ref, found.get(ref.version())));
                    }
                    return writeAndPublish(ready, stop);
                })
                .onFailure()
                .recoverWithItem(failure -> RunResult.failedAt(0, failure));
    }

    /**
     * Writes the versions, then moves the pointer to the newest version of the written prefix and
     * notifies once. {@code stop} is the failure of the event right after {@code ready}, if any.
     */
    private Uni<RunResult> writeAndPublish(List<Ready> ready, Throwable stop) {
        if (ready.isEmpty()) {
            return Uni.createFrom().item(RunResult.failedAt(0, stop));
        }
        List<Uni<Optional<Throwable>>> writes = new ArrayList<>(ready.size());
        for (Ready r : ready) {
            PublishedVersion v = r.version();
            writes.add(Uni.createFrom()
                    .deferred(() -> replica.writeVersion(
                            v.connectorId(),
                            v.version(),
                            v.checksum(),
                            ReplicaPayload.encode(v.document(), v.manifests()),
                            v.publishedAt().toInstant()))
                    .map(ok -> Optional.<Throwable>empty())
                    .onFailure()
                    .recoverWithItem(Optional::of));
        }
        return Uni.join()
                .all(writes)
                .usingConcurrencyOf(WRITES_PER_RUN)
                .andFailFast()
                .chain(results -> {
                    int written = 0;
                    Throwable failure = stop;
                    while (written < results.size()) {
                        if (results.get(written).isPresent()) {
                            failure = results.get(written).get();
                            break;
                        }
                        written++;
                    }
                    if (written == 0) {
                        return Uni.createFrom().item(RunResult.failedAt(0, failure));
                    }
                    Ready newest = newest(ready.subList(0, written));
                    PublishedVersion v = newest.version();
                    RunResult result = new RunResult(written, failure);
                    // the pointer and the notification cover the whole prefix: if either fails,
                    // nothing of the run counts as delivered and the head is retried
                    return replica.flipPointer(v.connectorId(), v.version(), v.checksum())
                            .chain(() -> notifier.send(
                                    newest.ref().event().id(),
                                    new ConfigChangeNotification(v.connectorId(), v.version(), v.checksum())))
                            .map(ok -> result)
                            .onFailure()
                            .recoverWithItem(f -> RunResult.failedAt(0, f));
                });
    }

    /** The highest version; the last such event when a version repeats (a replay in the run). */
    private static Ready newest(List<Ready> prefix) {
        Ready newest = prefix.get(0);
        for (Ready r : prefix) {
            if (r.ref().version() >= newest.ref().version()) {
                newest = r;
            }
        }
        return newest;
    }

    private static Ref ref(OutboxRecord event) {
        if (!OutboxEvent.EventTypes.CONNECTOR_VERSION_PUBLISHED.equals(event.eventType())) {
            throw new PermanentDeliveryException(
                    "connector handler does not know event type '" + event.eventType() + "'");
        }
        UUID connectorId;
        int version;
        try {
            JsonNode payload = event.payload();
            connectorId = UUID.fromString(payload.path("connector_id").asText());
            version = payload.path("version").asInt(0);
        } catch (IllegalArgumentException e) {
            throw new PermanentDeliveryException("malformed payload: " + e.getMessage());
        }
        if (version <= 0) {
            throw new PermanentDeliveryException("payload has no positive version");
        }
        return new Ref(event, connectorId, version);
    }

    private static Optional<PermanentDeliveryException> check(Ref ref, PublishedVersion v) {
        if (v == null) {
            return Optional.of(new PermanentDeliveryException(
                    "connector " + ref.connectorId() + " has no published version " + ref.version()));
        }
        String actual = CanonicalJson.sha256(v.document());
        if (!actual.equals(v.checksum())) {
            return Optional.of(new PermanentDeliveryException("version " + ref.version() + " of " + ref.connectorId()
                    + " does not match its checksum (stored " + v.checksum() + ", computed " + actual + ")"));
        }
        return Optional.empty();
    }
}
