package io.plugsync.api.rollout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Metrics of rollouts and the fleet: transitions by kind and actor kind ({@code
 * plugsync_rollout_transitions_total}), evaluator passes and their duration ({@code
 * plugsync_rollout_evaluations_total{outcome}}, {@code plugsync_rollout_evaluation_seconds}) and
 * worker reports by outcome ({@code plugsync_fleet_reports_total{outcome}}).
 */
@ApplicationScoped
public class RolloutMetrics {
    private final MeterRegistry registry;
    private final Timer evaluation;

    public RolloutMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.evaluation = Timer.builder("plugsync.rollout.evaluation")
                .description("One pass of the rollout step evaluator (claim, judge, move, commit)")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** A rollout started, stepped, completed, rolled back, aborted, paused, resumed or was superseded. */
    public void transition(String transition, Actor actor) {
        Counter.builder("plugsync.rollout.transitions")
                .description("Rollout transitions")
                .tag("transition", transition)
                .tag("actor_kind", actor.writerKind())
                .register(registry)
                .increment();
    }

    /** One rollout judged by the evaluator: {@code waiting}, {@code advanced}, {@code breached}. */
    public void evaluated(String outcome) {
        Counter.builder("plugsync.rollout.evaluations")
                .description("Rollouts judged by the step evaluator, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void pass(Duration took) {
        evaluation.record(took);
    }

    /** A worker report: {@code accepted}, {@code rate_limited} or {@code fleet_full}. */
    public void report(String outcome) {
        Counter.builder("plugsync.fleet.reports")
                .description("Worker reports received, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
