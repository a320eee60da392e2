package io.plugsync.dispatcher.drift;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

/** The drift check's metrics: connectors per replica state at the last check, checks and repairs. */
@ApplicationScoped
public class DriftMetrics {
    private final MeterRegistry registry;
    private final AtomicReference<DriftReport> last = new AtomicReference<>();

    public DriftMetrics(MeterRegistry registry) {
        this.registry = registry;
        gauge("in_sync", DriftReport::inSync);
        gauge("missing", DriftReport::missing);
        gauge("behind", DriftReport::behind);
        gauge("ahead", DriftReport::ahead);
    }

    void record(DriftReport report) {
        last.set(report);
        registry.counter("plugsync.dispatcher.drift.repairs").increment(report.repaired());
        registry.counter("plugsync.dispatcher.drift.checks").increment();
    }

    private void gauge(String state, ToLongFunction<DriftReport> count) {
        registry.gauge("plugsync.dispatcher.drift.connectors", List.of(Tag.of("state", state)), last, ref -> {
            DriftReport report = ref.get();
            return report == null ? 0 : count.applyAsLong(report);
        });
    }
}
