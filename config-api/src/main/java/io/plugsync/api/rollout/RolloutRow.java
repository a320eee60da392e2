package io.plugsync.api.rollout;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One {@code connector_rollout} row. */
public record RolloutRow(
        UUID id,
        UUID connectorId,
        UUID organizationId,
        int candidateVersion,
        int stableVersion,
        RolloutPlan plan,
        RolloutState state,
        int stepIndex,
        OffsetDateTime stepStartedAt,
        OffsetDateTime dueAt,
        Long pausedRemainingMs,
        int moves,
        String reason,
        String createdBy,
        String createdByKind,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime finishedAt) {

    public Strategy strategy() {
        return plan.spec().strategy();
    }

    public RolloutSpec.Step step() {
        return plan.steps().get(Math.min(stepIndex, plan.lastStep()));
    }

    /** This rollout with its progress columns replaced. */
    public RolloutRow progress(
            RolloutState newState,
            int newStep,
            OffsetDateTime newStepStartedAt,
            OffsetDateTime newDueAt,
            Long newPausedRemainingMs,
            String newReason) {
        return new RolloutRow(
                id,
                connectorId,
                organizationId,
                candidateVersion,
                stableVersion,
                plan,
                newState,
                newStep,
                newStepStartedAt,
                newDueAt,
                newPausedRemainingMs,
                moves,
                newReason,
                createdBy,
                createdByKind,
                createdAt,
                updatedAt,
                finishedAt);
    }

    /** This rollout ended in {@code endState} at {@code at}. */
    public RolloutRow finish(RolloutState endState, String why, OffsetDateTime at) {
        return new RolloutRow(
                id,
                connectorId,
                organizationId,
                candidateVersion,
                stableVersion,
                plan,
                endState,
                stepIndex,
                stepStartedAt,
                null,
                null,
                moves,
                why,
                createdBy,
                createdByKind,
                createdAt,
                updatedAt,
                at);
    }

    /** This rollout with one more pointer move counted. */
    public RolloutRow moved() {
        return new RolloutRow(
                id,
                connectorId,
                organizationId,
                candidateVersion,
                stableVersion,
                plan,
                state,
                stepIndex,
                stepStartedAt,
                dueAt,
                pausedRemainingMs,
                moves + 1,
                reason,
                createdBy,
                createdByKind,
                createdAt,
                updatedAt,
                finishedAt);
    }

    public boolean atLastStep() {
        return stepIndex >= plan.lastStep();
    }
}
