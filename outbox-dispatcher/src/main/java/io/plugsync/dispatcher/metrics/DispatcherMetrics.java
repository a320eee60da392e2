package io.plugsync.dispatcher.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The dispatcher's delivery metrics: commit-to-replica lag, deliveries and failures per target,
 * event outcomes per aggregate type, events per claimed run. The backlog gauges are the outbox's
 * ({@code outbox.BacklogGauges}), the drift gauges the drift check's ({@code drift.DriftMetrics}).
 */
@ApplicationScoped
public class DispatcherMetrics {
    private final MeterRegistry registry;
    private final Timer lag;
    private final DistributionSummary runSize;

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

    /**
     * One library target re-resolved: {@code kind} plugin, member, team or org; {@code outcome}
     * written (a new delivery version), unchanged (the replica already held it) or recorded (the
     * replica held it but PostgreSQL had not recorded it: a crash between the two, repaired).
     */
    public void library(String kind, String outcome) {
        counter("plugsync.dispatcher.library.deliveries", "kind", kind, "outcome", outcome)
                .increment();
    }

    /** Library targets of one kind the drift check found out of sync and repaired. */
    public void libraryDrift(String kind, long repaired) {
        counter("plugsync.dispatcher.drift.library.repairs", "kind", kind).increment(repaired);
    }

    private Counter counter(String name, String... tags) {
        return registry.counter(name, tags);
    }
}
