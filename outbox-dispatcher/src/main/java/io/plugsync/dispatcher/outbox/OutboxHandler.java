package io.plugsync.dispatcher.outbox;

import io.plugsync.common.outbox.EventType;
import io.plugsync.common.outbox.OutboxContract;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Set;

/**
 * Delivers the events of one aggregate type. Implementations are CDI beans; {@link OutboxHandlers}
 * picks the one whose event types' aggregate matches the row, so new event kinds plug in without
 * touching the loop, and refuses to start while an event type of the contract has no handler.
 * Delivery is at least once: a handler must make a repeated delivery harmless.
 */
public interface OutboxHandler {
    /** The event types delivered here, all of one aggregate type ({@link OutboxContract#ALL}). */
    Set<EventType<?>> eventTypes();

    /** What this handler's deliveries need before a drain pass (e.g. the replica's table); idempotent. */
    default Uni<Void> ready() {
        return Uni.createFrom().voidItem();
    }

    /**
     * Delivers one event. A failed Uni is retried with backoff; fail with {@link
     * PermanentDeliveryException} when retrying cannot help.
     */
    Uni<Void> deliver(OutboxRecord event);

    /**
     * Delivers a run: consecutive undelivered events of one aggregate, oldest first, all claimed in
     * the same transaction. The result must be precise: the delivered prefix, then the event that
     * failed (if any); everything after it is left in line, not attempted. A handler may deliver a
     * run as a whole (e.g. skip effects that a later event of the run supersedes) as long as each
     * event it reports delivered has taken effect. This default delivers the events one by one.
     */
    default Uni<RunResult> deliverRun(List<OutboxRecord> run) {
        return deliverFrom(run, 0);
    }

    private Uni<RunResult> deliverFrom(List<OutboxRecord> run, int index) {
        if (index == run.size()) {
            return Uni.createFrom().item(RunResult.all(run.size()));
        }
        return Uni.createFrom()
                .deferred(() -> deliver(run.get(index)))
                .onItemOrFailure()
                .transformToUni((ok, failure) -> failure != null
                        ? Uni.createFrom().item(RunResult.failedAt(index, failure))
                        : deliverFrom(run, index + 1));
    }
}
