package io.plugsync.api.rollout;

/**
 * What the workers reported during a rollout: the candidate in the current step, the stable version
 * over the whole rollout.
 */
public record Health(Counts candidate, Counts stable) {
    /** Report counters of one version. */
    public record Counts(long reports, long events, long errors) {
        /** errors / events; 0 without events. */
        public double errorRate() {
            return events == 0 ? 0 : errors / (double) events;
        }
    }

    /** Whether the candidate breaches {@code thresholds}: enough reports and too many errors. */
    public boolean breaches(Thresholds thresholds) {
        return candidate.reports() >= Math.max(1, thresholds.minReports())
                && candidate.errorRate() - stable.errorRate() > thresholds.maxErrorRateIncrease();
    }

    /** The reason a breach gives, for the rollout and the journal. */
    public String breachReason(Thresholds thresholds) {
        return String.format(
                java.util.Locale.ROOT,
                "candidate error rate %.4f (%d errors / %d events, %d reports) exceeds stable %.4f (%d / %d, %d"
                        + " reports) by more than %.4f",
                candidate.errorRate(),
                candidate.errors(),
                candidate.events(),
                candidate.reports(),
                stable.errorRate(),
                stable.errors(),
                stable.events(),
                stable.reports(),
                thresholds.maxErrorRateIncrease());
    }
}
