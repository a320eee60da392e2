package io.plugsync.dispatcher.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.plugsync.dispatcher.drift.DriftReport;
import io.plugsync.dispatcher.outbox.OutboxStats;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dispatcher's Prometheus metrics: backlog (undelivered, oldest age, dead), commit-to-replica
 * lag, deliveries and failures per target, events per claimed run, drift check results.
 */
@ApplicationScoped
public class DispatcherMetrics {
    private final MeterRegistry registry;
    private final Timer lag;
    private final DistributionSummary runSize;
    private final AtomicLong undelivered = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();
    private final AtomicLong driftInSync = new AtomicLong();
    private final AtomicLong driftMissing = new AtomicLong();
    private final AtomicLong driftBehind = new AtomicLong();
    private final AtomicLong driftAhead = new AtomicLong();

    public DispatcherMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("plugsync.dispatcher.replica.lag")
                .description("Time from the outbox row's commit to its delivery (replica written, notification sent)")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        this.runSize = DistributionSummary.builder("plugsync.dispatcher.run.size")
                .description("Events of one aggregate claimed together in one pass (head plus the events behind it)")
                .baseUnit("events")
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100)
                .register(registry);
        registry.gauge("plugsync.dispatcher.outbox.undelivered", undelivered);
        registry.gauge("plugsync.dispatcher.outbox.dead", dead);
        registry.gauge("plugsync.dispatcher.outbox.oldest.undelivered.seconds", oldestAgeMillis, a -> a.get() / 1000.0);
        registry.gauge(
                "plugsync.dispatcher.drift.connectors",
                java.util.List.of(io.micrometer.core.instrument.Tag.of("state", "in_sync")),
                driftInSync);
        registry.gauge(
                "plugsync.dispatcher.drift.connectors",
                java.util.List.of(io.micrometer.core.instrument.Tag.of("state", "missing")),
                driftMissing);
        registry.gauge(
                "plugsync.dispatcher.drift.connectors",
                java.util.List.of(io.micrometer.core.instrument.Tag.of("state", "behind")),
                driftBehind);
        registry.gauge(
                "plugsync.dispatcher.drift.connectors",
                java.util.List.of(io.micrometer.core.instrument.Tag.of("state", "ahead")),
                driftAhead);
    }

    public void lag(Duration sinceCommit) {
        lag.record(sinceCommit.isNegative() ? Duration.ZERO : sinceCommit);
    }

    /** One claimed run of {@code events} events of one aggregate. */
    public void runSize(int events) {
        runSize.record(events);
    }

    /** One call to a delivery target ({@code dynamodb}, {@code sqs}) succeeded or failed. */
    public void target(String target, boolean success) {
        counter("plugsync.dispatcher.deliveries", "target", target, "outcome", success ? "success" : "failure")
                .increment();
    }

    /** One event's outcome: delivered, failed (will retry) or dead. */
    public void event(String aggregateType, String outcome) {
        counter("plugsync.dispatcher.events", "aggregate_type", aggregateType, "outcome", outcome)
                .increment();
    }

    public void stats(OutboxStats stats) {
        undelivered.set(stats.undelivered());
        oldestAgeMillis.set(stats.oldestUndeliveredAgeMillis());
        dead.set(stats.dead());
    }

    public void drift(DriftReport report) {
        driftInSync.set(report.inSync());
        driftMissing.set(report.missing());
        driftBehind.set(report.behind());
        driftAhead.set(report.ahead());
        counter("plugsync.dispatcher.drift.repairs").increment(report.repaired());
        counter("plugsync.dispatcher.drift.checks").increment();
    }

    private Counter counter(String name, String... tags) {
        return registry.counter(name, tags);
    }
}
