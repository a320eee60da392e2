package io.plugsync.dispatcher.outbox;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Delivers the events of one aggregate type. Implementations are CDI beans; the drainer picks the
 * one whose {@link #aggregateType()} matches the row, so new event kinds plug in without touching
 * the loop. Delivery is at least once: a handler must make a repeated delivery harmless.
 */
public interface OutboxHandler {
    String aggregateType();

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
