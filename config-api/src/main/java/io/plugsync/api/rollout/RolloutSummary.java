package io.plugsync.api.rollout;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The rollout a publish started, in the publish's answer ({@code rollout}).
 *
 * @param spec the short form of the plan, e.g. {@code linear:25%/10m/bake=30m}
 * @param percent share of the workers that run the candidate now
 * @param nextStepAt when the evaluator moves on unless the thresholds stop it
 */
@RegisterForReflection
public record RolloutSummary(
        UUID id,
        String strategy,
        String state,
        String spec,
        int stableVersion,
        int candidateVersion,
        int step,
        int steps,
        double percent,
        List<String> groups,
        OffsetDateTime nextStepAt) {

    static RolloutSummary of(RolloutRow r) {
        return new RolloutSummary(
                r.id(),
                r.strategy().wire(),
                r.state().wire(),
                r.plan().spec().compact(),
                r.stableVersion(),
                r.candidateVersion(),
                r.stepIndex(),
                r.plan().steps().size(),
                RolloutSpecs.percentOf(r.step().basisPoints()),
                r.step().groups(),
                r.dueAt());
    }
}
