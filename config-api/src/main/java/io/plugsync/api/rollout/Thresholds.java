package io.plugsync.api.rollout;

/**
 * When a rollout stops by itself: during a step or the bake time, once the candidate has at least
 * {@code minReports} reports in the current step, an error rate above the stable version's by more
 * than {@code maxErrorRateIncrease} is a breach; {@code onBreach} says what happens then.
 *
 * @param maxErrorRateIncrease 0 to 1: how much the candidate's error rate (errors / events) may
 *     exceed the stable version's over the rollout
 * @param minReports candidate reports in the current step before it is judged
 */
public record Thresholds(double maxErrorRateIncrease, int minReports, OnBreach onBreach) {
    public static final Thresholds DEFAULT = new Thresholds(0.05, 10, OnBreach.ROLLBACK);

    /** What a breach does. */
    public enum OnBreach {
        /** The pointer goes back to the stable version; the rollout ends {@code rolled_back}. */
        ROLLBACK,
        /** The rollout stops where it is ({@code paused}) until a person resumes, promotes or aborts it. */
        PAUSE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
