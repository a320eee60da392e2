package io.plugsync.dispatcher.rollout;

import io.plugsync.common.outbox.ConnectorRolloutMoved;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.common.replica.ConfigChangeNotification;
import io.plugsync.common.replica.PointerRevision;
import io.plugsync.common.replica.ReplicaPayload;
import io.plugsync.dispatcher.connector.PublishedVersion;
import io.plugsync.dispatcher.connector.PublishedVersionRepository;
import io.plugsync.dispatcher.notify.ChangeNotifier;
import io.plugsync.dispatcher.outbox.OutboxRecord;
import io.plugsync.dispatcher.outbox.PermanentDeliveryException;
import io.plugsync.dispatcher.outbox.RunResult;
import io.plugsync.dispatcher.replica.ReplicaWriter;
import io.plugsync.dispatcher.replica.ReplicaWriter.PointerResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code connector.rollout.moved}: one pointer move per event, in order, never coalesced (every
 * step of a rollout reaches the replica, so none is skipped). For each: the stable and candidate
 * versions' items are made sure of (written from PostgreSQL if the replica lacks them, so a pointer
 * never names a version a worker cannot read), the pointer moves with a write conditional on its
 * revision (a replay is a no-op, never a second move), and the workers hear of it over SQS
 * (de-duplicated by the event id).
 */
@ApplicationScoped
public class RolloutPointerDelivery {
    private final RolloutPointerWriter pointers;
    private final ReplicaWriter replica;
    private final PublishedVersionRepository versions;
    private final ChangeNotifier notifier;
    private final RolloutMoveMetrics metrics;

    public RolloutPointerDelivery(
            RolloutPointerWriter pointers,
            ReplicaWriter replica,
            PublishedVersionRepository versions,
            ChangeNotifier notifier,
            RolloutMoveMetrics metrics) {
        this.pointers = pointers;
        this.replica = replica;
        this.versions = versions;
        this.notifier = notifier;
        this.metrics = metrics;
    }

    /** Whether an event is a rollout move (a run of them is delivered here). */
    public static boolean isMove(OutboxRecord event) {
        return OutboxContract.CONNECTOR_ROLLOUT_MOVED.name().equals(event.eventType());
    }

    /**
     * Delivers the leading rollout moves of a run, one at a time; stops at the first failure (it and
     * what follows stay in line) or before the first event of another kind (left for its own run).
     */
    public Uni<RunResult> deliverRun(List<OutboxRecord> run) {
        return deliverFrom(run, 0);
    }

    private Uni<RunResult> deliverFrom(List<OutboxRecord> run, int index) {
        if (index == run.size() || !isMove(run.get(index))) {
            return Uni.createFrom().item(new RunResult(index, null));
        }
        OutboxRecord event = run.get(index);
        return Uni.createFrom()
                .deferred(() -> deliver(event))
                .onItemOrFailure()
                .transformToUni((ok, failure) -> failure != null
                        ? Uni.createFrom().item(RunResult.failedAt(index, failure))
                        : deliverFrom(run, index + 1));
    }

    private Uni<Void> deliver(OutboxRecord event) {
        if (!(event.decode() instanceof ConnectorRolloutMoved move)) {
            throw new PermanentDeliveryException("not a rollout move: " + event.eventType());
        }
        return ensureVersions(move)
                .chain(() -> pointers.move(move))
                .invoke(result -> metrics.move(move.state(), result == PointerResult.ADVANCED))
                .chain(result -> notifier.send(
                        event.id(),
                        new ConfigChangeNotification(
                                move.connectorId(),
                                move.ends() ? move.settledVersion() : move.candidateVersion(),
                                move.ends() ? move.settledChecksum() : move.candidateChecksum(),
                                PointerRevision.rollout(move.candidateVersion(), move.move()))));
    }

    /** Writes the stable and candidate versions' items unless the replica has them already. */
    private Uni<Void> ensureVersions(ConnectorRolloutMoved move) {
        return pointers.versionPresent(move.connectorId(), move.stableVersion())
                .chain(stable -> pointers.versionPresent(move.connectorId(), move.candidateVersion())
                        .chain(candidate -> {
                            List<Integer> missing = new ArrayList<>();
                            if (!stable) {
                                missing.add(move.stableVersion());
                            }
                            if (!candidate) {
                                missing.add(move.candidateVersion());
                            }
                            return missing.isEmpty() ? Uni.createFrom().voidItem() : write(move, missing);
                        }));
    }

    private Uni<Void> write(ConnectorRolloutMoved move, List<Integer> missing) {
        return versions.findAll(move.connectorId(), missing).chain(found -> {
            List<Uni<Void>> writes = new ArrayList<>();
            for (int number : missing) {
                PublishedVersion v = found.get(number);
                if (v == null) {
                    throw new PermanentDeliveryException(
                            "connector " + move.connectorId() + " has no published version " + number);
                }
                writes.add(replica.writeVersion(
                        v.connectorId(),
                        v.version(),
                        v.checksum(),
                        ReplicaPayload.encode(v.document(), v.manifests()),
                        v.publishedAt().toInstant()));
            }
            return Uni.join().all(writes).andFailFast().replaceWithVoid();
        });
    }
}
