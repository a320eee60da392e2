package io.plugsync.api.governance.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus metrics of scheduled publishes: fired per outcome, delay after the scheduled time, and
 * the pending backlog (every replica reports the shared backlog).
 */
@ApplicationScoped
public class ScheduleMetrics {
    private final MeterRegistry registry;
    private final Timer delay;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong oldestDueMillis = new AtomicLong();

    public ScheduleMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.delay = Timer.builder("plugsync.scheduled.publish.delay")
                .description("scheduled time -> fired")
                .publishPercentileHistogram()
                .register(registry);
        registry.gauge("plugsync.scheduled.publishes.pending", pending);
        registry.gauge("plugsync.scheduled.publishes.due", due);
        registry.gauge("plugsync.scheduled.publishes.oldest.due.seconds", oldestDueMillis, a -> a.get() / 1000.0);
    }

    void fired(String outcome, Duration late) {
        registry.counter("plugsync.scheduled.publishes", "outcome", outcome).increment();
        delay.record(late.isNegative() ? Duration.ZERO : late);
    }

    void errored() {
        registry.counter("plugsync.scheduled.publishes", "outcome", "error").increment();
    }

    void backlog(ScheduleRepository.Backlog backlog) {
        pending.set(backlog.pending());
        due.set(backlog.due());
        oldestDueMillis.set(Math.round(backlog.oldestDueSeconds() * 1000));
    }
}
