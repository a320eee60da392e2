package io.plugsync.dispatcher.rollout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code plugsync_dispatcher_rollout_moves_total{state, outcome}}: rollout moves delivered to the
 * replica pointer, {@code applied} or {@code already_current} (a replay, or overtaken by a later
 * publish).
 */
@ApplicationScoped
public class RolloutMoveMetrics {
    private final MeterRegistry registry;

    public RolloutMoveMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void move(String state, boolean applied) {
        Counter.builder("plugsync.dispatcher.rollout.moves")
                .description("Rollout moves of the replica pointer delivered, by state after the move and outcome")
                .tag("state", state)
                .tag("outcome", applied ? "applied" : "already_current")
                .register(registry)
                .increment();
    }
}
