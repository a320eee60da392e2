package io.plugsync.dispatcher.outbox;

import io.plugsync.dispatcher.config.DispatcherConfig;
import io.plugsync.dispatcher.metrics.DispatcherMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Drains the outbox: claims a batch of head-of-aggregate events with {@code FOR UPDATE SKIP
 * LOCKED}, each with the run of consecutive due events behind it ({@code run-size}), delivers the
 * runs (aggregates in parallel, in order within one), records the outcomes and commits, all in one
 * transaction. Holding the row locks while delivering means a killed dispatcher releases its
 * claims the moment its connection drops; delivery is at least once and handlers are idempotent.
 * Within a run, the delivered prefix is recorded delivered, the first failing event failed (or
 * dead), and the events after it are left exactly as they were.
 *
 * <p>One drain loop per instance: {@link #wake()} (from NOTIFY, the poll timer, admin actions)
 * starts it if idle or asks the running loop for one more pass.
 */
@ApplicationScoped
public class OutboxDrainer {
    private static final Logger LOG = Logger.getLogger(OutboxDrainer.class);

    private final Pool pool;
    private final OutboxRepository repository;
    private final DispatcherConfig config;
    private final DispatcherMetrics metrics;
    private final OutboxTracing tracing;
    private final OutboxHandlers handlers;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean stopping;

    public OutboxDrainer(
            Pool pool,
            OutboxRepository repository,
            DispatcherConfig config,
            DispatcherMetrics metrics,
            OutboxTracing tracing,
            OutboxHandlers handlers) {
        this.pool = pool;
        this.repository = repository;
        this.config = config;
        this.metrics = metrics;
        this.tracing = tracing;
        this.handlers = handlers;
    }

    /** Asks for a drain pass; cheap and safe to call from any thread. */
    public void wake() {
        if (!config.enabled() || stopping) {
            return;
        }
        pending.set(true);
        if (running.compareAndSet(false, true)) {
            loop();
        }
    }

    @Scheduled(
            every = "${plugsync.dispatcher.poll-interval:1s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    private void loop() {
        pending.set(false);
        // go on while passes make progress: each delivery may have unblocked the next event of its aggregate
        drainOnce().subscribe().with(delivered -> next(delivered > 0), failure -> {
            LOG.warnf("outbox drain pass failed: %s", failure.toString());
            next(false);
        });
    }

    private void next(boolean progressed) {
        if (!stopping && (progressed || pending.get())) {
            loop();
            return;
        }
        running.set(false);
        // a wake() that raced with the flag reset must not be lost
        if (!stopping && pending.get() && running.compareAndSet(false, true)) {
            loop();
        }
    }

    /** One pass: claim, deliver, record, commit. The number of events with a recorded outcome. */
    public Uni<Integer> drainOnce() {
        return handlers.ready()
                .chain(() -> pool.withTransaction(tx -> repository
                                .claimRuns(tx, config.batchSize(), Math.max(1, config.runSize()))
                                .chain(runs -> deliverAll(runs)
                                        .call(outcomes -> repository.record(tx, outcomes, config.maxAttempts()))))
                        .invoke(this::afterCommit)
                        .map(List::size));
    }

    private Uni<List<Outcome>> deliverAll(List<List<OutboxRecord>> runs) {
        if (runs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<List<Outcome>>> lanes = new ArrayList<>(runs.size());
        runs.forEach(run -> lanes.add(deliverRun(run)));
        return Uni.join().all(lanes).andFailFast().map(results -> {
            List<Outcome> all = new ArrayList<>();
            results.forEach(all::addAll);
            return all;
        });
    }

    /**
     * Delivers one aggregate's run; outcomes for the delivered prefix and the first failing event,
     * none for the events after it (they stay in line as they were).
     */
    private Uni<List<Outcome>> deliverRun(List<OutboxRecord> run) {
        metrics.runSize(run.size());
        OutboxRecord head = run.get(0);
        OutboxHandler handler = handlers.forAggregateType(head.aggregateType()).orElse(null);
        if (handler == null) {
            return Uni.createFrom()
                    .item(List.of(new Outcome.Dead(
                            head, "no outbox handler for aggregate type '" + head.aggregateType() + "'")));
        }
        return tracing.tracedRun(
                        run,
                        () -> Uni.createFrom()
                                .deferred(() -> handler.deliverRun(run))
                                .ifNoItem()
                                .after(config.deliveryTimeout())
                                .failWith(() ->
                                        new TimeoutException("delivery took longer than " + config.deliveryTimeout()))
                                .onFailure()
                                .recoverWithItem(failure -> RunResult.failedAt(0, failure)))
                .map(result -> outcomes(run, result));
    }

    private List<Outcome> outcomes(List<OutboxRecord> run, RunResult result) {
        int delivered = Math.min(result.delivered(), run.size());
        Throwable failure = result.failure();
        if (delivered == 0 && failure == null) {
            // a handler must make progress or say why not; otherwise the run would be claimed forever
            failure = new IllegalStateException("handler delivered none of the run and reported no failure");
        }
        List<Outcome> out = new ArrayList<>(Math.min(delivered + 1, run.size()));
        for (int i = 0; i < delivered; i++) {
            out.add(new Outcome.Delivered(run.get(i)));
        }
        if (failure != null && delivered < run.size()) {
            out.add(failed(run.get(delivered), failure));
        }
        return out;
    }

    private Outcome failed(OutboxRecord event, Throwable failure) {
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (failure instanceof PermanentDeliveryException) {
            return new Outcome.Dead(event, error);
        }
        if (Unavailable.test(failure)) {
            Duration retry = config.unavailableRetry();
            return new Outcome.Unreachable(event, error, Backoff.millis(1, retry, retry));
        }
        int failures = event.attempts() + 1;
        LOG.debugf(
                "event %s (%s %s) failed attempt %d: %s",
                event.id(), event.aggregateType(), event.aggregateId(), failures, error);
        return new Outcome.Failed(event, error, Backoff.millis(failures, config.backoffInitial(), config.backoffMax()));
    }

    private void afterCommit(List<Outcome> outcomes) {
        OffsetDateTime now = OffsetDateTime.now();
        for (Outcome outcome : outcomes) {
            OutboxRecord event = outcome.event();
            if (outcome instanceof Outcome.Delivered) {
                metrics.lag(Duration.between(event.createdAt(), now));
                metrics.event(event.aggregateType(), "delivered");
            } else if (outcome instanceof Outcome.Failed f) {
                boolean exhausted = event.attempts() + 1 >= config.maxAttempts();
                metrics.event(event.aggregateType(), exhausted ? "dead" : "failed");
                if (exhausted) {
                    LOG.errorf(
                            "event %s parked dead after %d attempts: %s", event.id(), event.attempts() + 1, f.error());
                }
            } else if (outcome instanceof Outcome.Dead d) {
                metrics.event(event.aggregateType(), "dead");
                LOG.errorf("event %s parked dead: %s", event.id(), d.error());
            } else if (outcome instanceof Outcome.Unreachable) {
                metrics.event(event.aggregateType(), "unreachable");
            }
        }
    }

    /** Graceful shutdown: no new passes; the in-flight batch finishes and commits. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (running.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (running.get()) {
            LOG.warn("in-flight outbox batch did not finish within 15 s; its rows are released uncommitted");
        }
    }
}
