package io.plugsync.dispatcher.library;

import io.plugsync.common.outbox.OutboxPayload;
import io.plugsync.dispatcher.config.DispatcherConfig;
import io.plugsync.dispatcher.outbox.OutboxHandler;
import io.plugsync.dispatcher.outbox.OutboxRecord;
import io.plugsync.dispatcher.outbox.RunResult;
import io.plugsync.dispatcher.replica.AwsResources;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Delivers library events (config objects, plugins, teams) to the library replica. A run is
 * delivered as a whole: the targets of all its events ({@link LibraryTargets}), each once, are
 * re-resolved from PostgreSQL and written ({@link LibraryDelivery}), a few at a time. Delivering a
 * target is idempotent (it writes what PostgreSQL says now, or nothing when the replica has it), so
 * a failed run is retried whole from its head and ten edits of one object re-resolve its plugins
 * once.
 *
 * <p>The run ends at the first event that cannot be decoded (parked dead, as any undeliverable
 * event is); the events before it are delivered.
 */
abstract class LibraryEventHandler implements OutboxHandler {
    private final LibraryTargets targets;
    private final LibraryDelivery delivery;
    private final AwsResources resources;
    private final DispatcherConfig config;

    LibraryEventHandler(
            LibraryTargets targets, LibraryDelivery delivery, AwsResources resources, DispatcherConfig config) {
        this.targets = targets;
        this.delivery = delivery;
        this.resources = resources;
        this.config = config;
    }

    /** The library table and queue exist (created on first use). */
    @Override
    public Uni<Void> ready() {
        return resources.libraryReady();
    }

    @Override
    public Uni<Void> deliver(OutboxRecord event) {
        return deliverRun(List.of(event)).chain(RunResult::asDelivery);
    }

    @Override
    public Uni<RunResult> deliverRun(List<OutboxRecord> run) {
        List<OutboxPayload> decoded = new ArrayList<>(run.size());
        RuntimeException undecodable = null;
        for (OutboxRecord event : run) {
            try {
                decoded.add(event.decode());
            } catch (RuntimeException e) {
                undecodable = e;
                break;
            }
        }
        if (decoded.isEmpty()) {
            return Uni.createFrom().item(RunResult.failedAt(0, undecodable));
        }
        RuntimeException afterPrefix = undecodable;
        return Multi.createFrom()
                .iterable(decoded)
                .onItem()
                .transformToUniAndConcatenate(targets::of)
                .collect()
                .in(LinkedHashSet<DeliveryTarget>::new, Set::addAll)
                .chain(this::deliverAll)
                .map(ok -> new RunResult(decoded.size(), afterPrefix))
                .onFailure()
                .recoverWithItem(failure -> RunResult.failedAt(0, failure));
    }

    private Uni<Void> deliverAll(Set<DeliveryTarget> all) {
        if (all.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom()
                .iterable(all)
                .onItem()
                .transformToUni(delivery::deliver)
                .merge(Math.max(1, config.library().concurrency()))
                .collect()
                .last()
                .replaceWithVoid();
    }
}
