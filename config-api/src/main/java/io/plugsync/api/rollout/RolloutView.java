package io.plugsync.api.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plugsync.common.replica.PointerRevision;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A rollout as the API shows it: plan, where it is, the workers' health against its thresholds and
 * its pointer moves ({@code health} and {@code moves} only on a single rollout, not in lists).
 *
 * @param pointerRevision the replica pointer's revision after the rollout's last move
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RolloutView(
        UUID id,
        UUID connectorId,
        String strategy,
        String state,
        String spec,
        int stableVersion,
        int candidateVersion,
        int step,
        double percent,
        List<String> groups,
        List<StepView> steps,
        long stepIntervalSeconds,
        long bakeSeconds,
        OffsetDateTime stepStartedAt,
        OffsetDateTime nextStepAt,
        Long pausedRemainingSeconds,
        ThresholdsView thresholds,
        HealthView health,
        List<RolloutMove> moves,
        long pointerRevision,
        String reason,
        String createdBy,
        String createdByKind,
        OffsetDateTime createdAt,
        OffsetDateTime finishedAt) {

    /** One planned step: its share, its duration and whether it is done, current or still to come. */
    public record StepView(int index, double percent, List<String> groups, long durationSeconds, String status) {}

    public record ThresholdsView(double maxErrorRateIncrease, int minReports, String onBreach) {}

    /** The health the thresholds judge; {@code breached} says whether they would stop the rollout now. */
    public record HealthView(CountsView candidate, CountsView stable, boolean breached) {}

    public record CountsView(long reports, long events, long errors, double errorRate) {
        static CountsView of(Health.Counts c) {
            return new CountsView(c.reports(), c.events(), c.errors(), c.errorRate());
        }
    }

    public static RolloutView of(RolloutRow r, Health health, List<RolloutMove> moves) {
        RolloutPlan plan = r.plan();
        List<StepView> steps = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            RolloutSpec.Step s = plan.steps().get(i);
            String status = i < r.stepIndex()
                    ? "done"
                    : i > r.stepIndex() ? "pending" : r.state().open() ? "current" : "ended";
            if (i == r.stepIndex() && r.state() == RolloutState.COMPLETED) {
                status = "done";
            }
            steps.add(new StepView(
                    i,
                    RolloutSpecs.percentOf(s.basisPoints()),
                    s.groups(),
                    plan.duration(i).toSeconds(),
                    status));
        }
        Thresholds t = plan.spec().thresholds();
        return new RolloutView(
                r.id(),
                r.connectorId(),
                r.strategy().wire(),
                r.state().wire(),
                plan.spec().compact(),
                r.stableVersion(),
                r.candidateVersion(),
                r.stepIndex(),
                RolloutSpecs.percentOf(r.step().basisPoints()),
                r.step().groups(),
                steps,
                plan.spec().stepInterval().toSeconds(),
                plan.spec().bake().toSeconds(),
                r.stepStartedAt(),
                r.dueAt(),
                r.pausedRemainingMs() == null
                        ? null
                        : Duration.ofMillis(r.pausedRemainingMs()).toSeconds(),
                new ThresholdsView(
                        t.maxErrorRateIncrease(), t.minReports(), t.onBreach().wire()),
                health == null
                        ? null
                        : new HealthView(
                                CountsView.of(health.candidate()), CountsView.of(health.stable()), health.breaches(t)),
                moves,
                r.moves() == 0 ? 0 : PointerRevision.rollout(r.candidateVersion(), r.moves()),
                r.reason(),
                r.createdBy(),
                r.createdByKind(),
                r.createdAt(),
                r.finishedAt());
    }
}
