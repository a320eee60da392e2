package io.plugsync.dispatcher.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox backlog gauges (undelivered, dead, age of the oldest undelivered event), refreshed from
 * PostgreSQL: every replica reports the shared backlog.
 */
@ApplicationScoped
public class BacklogGauges {
    private final OutboxRepository repository;
    private final AtomicLong undelivered = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();

    public BacklogGauges(OutboxRepository repository, MeterRegistry registry) {
        this.repository = repository;
        registry.gauge("plugsync.dispatcher.outbox.undelivered", undelivered);
        registry.gauge("plugsync.dispatcher.outbox.dead", dead);
        registry.gauge("plugsync.dispatcher.outbox.oldest.undelivered.seconds", oldestAgeMillis, a -> a.get() / 1000.0);
    }

    @Scheduled(
            every = "${plugsync.dispatcher.metrics-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return repository
                .stats()
                .invoke(this::set)
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }

    private void set(OutboxStats stats) {
        undelivered.set(stats.undelivered());
        oldestAgeMillis.set(stats.oldestUndeliveredAgeMillis());
        dead.set(stats.dead());
    }
}
