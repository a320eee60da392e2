package io.plugsync.dispatcher.connector;

import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.outbox.ConnectorVersionPublished;
import io.plugsync.common.outbox.EventType;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.common.replica.ConfigChangeNotification;
import io.plugsync.common.replica.ReplicaPayload;
import io.plugsync.dispatcher.notify.ChangeNotifier;
import io.plugsync.dispatcher.outbox.OutboxHandler;
import io.plugsync.dispatcher.outbox.OutboxRecord;
import io.plugsync.dispatcher.outbox.PermanentDeliveryException;
import io.plugsync.dispatcher.outbox.RunResult;
import io.plugsync.dispatcher.replica.AwsResources;
import io.plugsync.dispatcher.replica.ReplicaWriter;
import io.plugsync.dispatcher.rollout.HeldVersions;
import io.plugsync.dispatcher.rollout.RolloutPointerDelivery;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code connector.version.published}: copies versions (document + manifests) from PostgreSQL into
 * the replica, flips the active pointer, then notifies workers over SQS. The outbox payload is only
 * a pointer; the content comes from the immutable version rows.
 *
 * <p>A run (several consecutive publishes of one connector claimed together) is delivered as a
 * whole: its versions are read a few at a time, one query each time, and written in parallel
 * (each version's items are immutable and independent of the others); then the active pointer
 * moves once, to the newest version of the run, and one notification is sent for that version,
 * de-duplicated by that version's outbox event id. The intermediate versions are superseded
 * before any worker could act on them, so workers hear of the newest version only; every version
 * stays readable by number ({@code DynamoConfigStore.version(connector, n)}). The pointer still
 * never moves back: its write is conditional on the replica holding an older version.
 *
 * <p>A version rolled out in steps ({@link HeldVersions}) is written but does not move the pointer:
 * its rollout's {@code connector.rollout.moved} events do, delivered one by one by {@link
 * RolloutPointerDelivery} in the same per-connector order.
 *
 * <p>Outcomes are precise: a version that cannot be replicated (missing, checksum mismatch,
 * malformed event) or whose write fails ends the delivered prefix there; the pointer and the
 * notification cover only the prefix, and the events after the failing one are not attempted.
 */
@ApplicationScoped
public class ConnectorVersionHandler implements OutboxHandler {
    /**
     * Versions of one run read and written at once (runs of different connectors go in parallel as
     * well): bounds the documents a run holds in memory whatever its length.
     */
    static final int VERSIONS_AT_ONCE = 8;

    private final PublishedVersionRepository versions;
    private final ReplicaWriter replica;
    private final ChangeNotifier notifier;
    private final AwsResources resources;
    private final HeldVersions held;
    private final RolloutPointerDelivery rollouts;

    public ConnectorVersionHandler(
            PublishedVersionRepository versions,
            ReplicaWriter replica,
            ChangeNotifier notifier,
            AwsResources resources,
            HeldVersions held,
            RolloutPointerDelivery rollouts) {
        this.versions = versions;
        this.replica = replica;
        this.notifier = notifier;
        this.resources = resources;
        this.held = held;
        this.rollouts = rollouts;
    }

    /** Both event types of the connector aggregate: one handler keeps them in order per connector. */
    @Override
    public Set<EventType<?>> eventTypes() {
        return Set.of(OutboxContract.CONNECTOR_VERSION_PUBLISHED, OutboxContract.CONNECTOR_ROLLOUT_MOVED);
    }

    /** The replica's table and the notification queue exist (created on first use). */
    @Override
    public Uni<Void> ready() {
        return resources.ready();
    }

    @Override
    public Uni<Void> deliver(OutboxRecord event) {
        return deliverRun(List.of(event)).chain(RunResult::asDelivery);
    }

    /** The connector and version an event points at. */
    private record Ref(OutboxRecord event, UUID connectorId, int version) {}

    /**
     * How far a run's writes got: the first {@code written} versions are in the replica, {@code
     * newest} is the highest of them (with its checksum), {@code failure} stopped the rest (null when
     * nothing failed).
     */
    private record Progress(int written, Ref newest, String newestChecksum, Throwable failure) {
        static final Progress NONE = new Progress(0, null, null, null);

        /** One more version written; it becomes the pointer's target unless a rollout holds it. */
        Progress plus(Ref ref, String checksum, boolean heldByRollout) {
            boolean newer = !heldByRollout && (newest == null || ref.version() >= newest.version());
            return new Progress(written + 1, newer ? ref : newest, newer ? checksum : newestChecksum, null);
        }

        Progress stoppedBy(Throwable cause) {
            return new Progress(written, newest, newestChecksum, cause);
        }
    }

    @Override
    public Uni<RunResult> deliverRun(List<OutboxRecord> run) {
        if (RolloutPointerDelivery.isMove(run.get(0))) {
            return rollouts.deliverRun(run);
        }
        // the run ends at the first unusable event (a permanent failure), at a rollout move, or where
        // the payload names another connector than the first event (left in line for a run of its own)
        List<Ref> refs = new ArrayList<>(run.size());
        PermanentDeliveryException unusable = null;
        for (OutboxRecord event : run) {
            if (RolloutPointerDelivery.isMove(event)) {
                break;
            }
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
        return held.of(
                        refs.get(0).connectorId(),
                        refs.stream().map(Ref::version).toList())
                .chain(heldVersions -> writeFrom(refs, 0, Progress.NONE, heldVersions))
                .map(progress -> progress.failure() == null && progress.written() == refs.size()
                        ? progress.stoppedBy(afterRefs)
                        : progress)
                .chain(this::publish)
                .onFailure()
                .recoverWithItem(failure -> RunResult.failedAt(0, failure));
    }

    /**
     * Reads, checks and writes the versions from {@code from} on, {@link #VERSIONS_AT_ONCE} at a
     * time (so a long run of large documents is never all in memory), until one fails.
     */
    private Uni<Progress> writeFrom(List<Ref> refs, int from, Progress sofar, Set<Integer> heldVersions) {
        if (from == refs.size()) {
            return Uni.createFrom().item(sofar);
        }
        List<Ref> slice = refs.subList(from, Math.min(refs.size(), from + VERSIONS_AT_ONCE));
        UUID connectorId = slice.get(0).connectorId();
        return versions.findAll(connectorId, slice.stream().map(Ref::version).toList())
                .chain(found -> {
                    List<PublishedVersion> ready = new ArrayList<>(slice.size());
                    PermanentDeliveryException unusable = null;
                    for (Ref ref : slice) {
                        PublishedVersion v = found.get(ref.version());
                        Optional<PermanentDeliveryException> problem = check(ref, v);
                        if (problem.isPresent()) {
                            unusable = problem.get();
                            break;
                        }
                        ready.add(v);
                    }
                    PermanentDeliveryException checkFailure = unusable;
                    return writeAll(ready).chain(failures -> {
                        Progress progress = sofar;
                        for (int i = 0; i < ready.size(); i++) {
                            if (failures.get(i).isPresent()) {
                                return Uni.createFrom()
                                        .item(progress.stoppedBy(failures.get(i).get()));
                            }
                            progress = progress.plus(
                                    slice.get(i),
                                    ready.get(i).checksum(),
                                    heldVersions.contains(slice.get(i).version()));
                        }
                        return checkFailure != null
                                ? Uni.createFrom().item(progress.stoppedBy(checkFailure))
                                : writeFrom(refs, from + slice.size(), progress, heldVersions);
                    });
                });
    }

    /** Writes versions in parallel (immutable and independent); the failure of each, in order. */
    private Uni<List<Optional<Throwable>>> writeAll(List<PublishedVersion> ready) {
        if (ready.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<Optional<Throwable>>> writes = new ArrayList<>(ready.size());
        for (PublishedVersion v : ready) {
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
        return Uni.join().all(writes).andFailFast();
    }

    /**
     * Moves the pointer to the newest written version and notifies once: the pointer and the
     * notification cover the whole written prefix, so if either fails nothing of the run counts as
     * delivered and its head is retried.
     */
    private Uni<RunResult> publish(Progress progress) {
        if (progress.written() == 0) {
            return Uni.createFrom().item(RunResult.failedAt(0, progress.failure()));
        }
        Ref newest = progress.newest();
        if (newest == null) {
            // every version of the run is rolled out in steps: its moves move the pointer
            return Uni.createFrom().item(new RunResult(progress.written(), progress.failure()));
        }
        String checksum = progress.newestChecksum();
        return replica.flipPointer(newest.connectorId(), newest.version(), checksum)
                .chain(() -> notifier.send(
                        newest.event().id(),
                        new ConfigChangeNotification(newest.connectorId(), newest.version(), checksum)))
                .map(ok -> new RunResult(progress.written(), progress.failure()))
                .onFailure()
                .recoverWithItem(f -> RunResult.failedAt(0, f));
    }

    private static Ref ref(OutboxRecord event) {
        if (!(event.decode() instanceof ConnectorVersionPublished published)) {
            throw new PermanentDeliveryException(
                    "connector handler does not know event type '" + event.eventType() + "'");
        }
        return new Ref(event, published.connectorId(), published.version());
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
