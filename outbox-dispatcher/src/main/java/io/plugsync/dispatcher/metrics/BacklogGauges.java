package io.plugsync.dispatcher.metrics;

import io.plugsync.dispatcher.outbox.OutboxRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Refreshes the backlog gauges from PostgreSQL (every replica reports the shared backlog). */
@ApplicationScoped
public class BacklogGauges {
    private final OutboxRepository repository;
    private final DispatcherMetrics metrics;

    public BacklogGauges(OutboxRepository repository, DispatcherMetrics metrics) {
        this.repository = repository;
        this.metrics = metrics;
    }

    @Scheduled(
            every = "${plugsync.dispatcher.metrics-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return repository
                .stats()
                .invoke(metrics::stats)
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }
}
