package io.plugsync.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook outcomes, sync durations and sizes, GitHub API calls and rate-limit waits, held syncs,
 * installation links by outcome.
 */
@ApplicationScoped
public class IngestMetrics {
    private final MeterRegistry registry;
    private final AtomicLong heldSyncs = new AtomicLong();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("plugsync.ingest.syncs.held", heldSyncs);
    }

    public void delivery(String event, String outcome) {
        Counter.builder("plugsync.ingest.webhook.deliveries")
                .tag("event", event == null ? "none" : event)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void syncFinished(String status, Duration duration) {
        Timer.builder("plugsync.ingest.sync.duration")
                .tag("status", status)
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(duration);
    }

    /** Files a completed sync selected at head, and how many of them it changed. */
    public void syncFiles(int selected, int changed) {
        DistributionSummary.builder("plugsync.ingest.sync.files")
                .register(registry)
                .record(selected);
        DistributionSummary.builder("plugsync.ingest.sync.files.changed")
                .register(registry)
                .record(changed);
    }

    public void githubCall(String operation, int status) {
        Counter.builder("plugsync.ingest.github.calls")
                .tag("operation", operation)
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
    }

    public void rateLimitWait(Duration wait) {
        Timer.builder("plugsync.ingest.github.retry.waits").register(registry).record(wait);
    }

    /** One setup callback of an installation link: {@code linked}, {@code already_linked} or the problem. */
    public void installationLink(String outcome) {
        Counter.builder("plugsync.ingest.github.installation.links")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void heldSyncs(long count) {
        heldSyncs.set(count);
    }
}
