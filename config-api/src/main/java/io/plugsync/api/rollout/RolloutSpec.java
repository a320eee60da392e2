package io.plugsync.api.rollout;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.replica.WorkerBuckets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated rollout request: how a published version reaches the workers, and when it stops by
 * itself. Read from a publish (or a default) by {@link RolloutSpecs}.
 *
 * @param basisPoints canary: share of the workers in the first step (0 with groups only)
 * @param groups worker groups that get the candidate from the first step
 * @param stepBasisPoints linear: share added per step; exponential: first share, doubled per step
 * @param stepInterval how long each step before the last one lasts
 * @param bake how long the last step (every worker) is watched before the rollout completes
 */
public record RolloutSpec(
        Strategy strategy,
        int basisPoints,
        List<String> groups,
        int stepBasisPoints,
        Duration stepInterval,
        Duration bake,
        Thresholds thresholds) {

    /** A publish without a rollout. */
    public static final RolloutSpec ALL_AT_ONCE = new RolloutSpec(
            Strategy.ALL_AT_ONCE, WorkerBuckets.ALL, List.of(), 0, Duration.ZERO, Duration.ZERO, Thresholds.DEFAULT);

    public RolloutSpec {
        groups = List.copyOf(groups);
    }

    public boolean allAtOnce() {
        return strategy == Strategy.ALL_AT_ONCE;
    }

    /**
     * The steps: each a share of the workers (and the groups), growing, the last one every worker.
     * Every step but the last lasts {@link #stepInterval}; the last one {@link #bake}.
     */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        switch (strategy) {
            case ALL_AT_ONCE -> {}
            case CANARY -> steps.add(new Step(basisPoints, groups));
            case LINEAR -> {
                for (int bp = stepBasisPoints; bp < WorkerBuckets.ALL; bp += stepBasisPoints) {
                    steps.add(new Step(bp, groups));
                }
            }
            case EXPONENTIAL -> {
                for (long bp = stepBasisPoints; bp < WorkerBuckets.ALL; bp *= 2) {
                    steps.add(new Step((int) bp, groups));
                }
            }
        }
        steps.add(new Step(WorkerBuckets.ALL, List.of()));
        return List.copyOf(steps);
    }

    /** One step of the plan. */
    public record Step(int basisPoints, List<String> groups) {
        public Step {
            groups = List.copyOf(groups);
        }
    }

    /** The request form ({@link RolloutSpecs#parse} reads it back to an equal spec). */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("strategy", strategy.wire());
        if (allAtOnce()) {
            return node;
        }
        if (strategy == Strategy.CANARY && basisPoints > 0) {
            node.put("percent", basisPoints / 100.0);
        }
        if (!groups.isEmpty()) {
            groups.forEach(node.putArray("groups")::add);
        }
        if (strategy == Strategy.LINEAR || strategy == Strategy.EXPONENTIAL) {
            node.put("step_percent", stepBasisPoints / 100.0);
        }
        node.put("step_interval", Durations.format(stepInterval));
        node.put("bake_time", Durations.format(bake));
        ObjectNode t = node.putObject("thresholds");
        t.put("max_error_rate_increase", thresholds.maxErrorRateIncrease());
        t.put("min_reports", thresholds.minReports());
        t.put("on_breach", thresholds.onBreach().wire());
        return node;
    }

    /** The short form the CLI takes, e.g. {@code linear:25%/10m/bake=30m}. */
    public String compact() {
        if (allAtOnce()) {
            return strategy.wire();
        }
        StringBuilder out = new StringBuilder(strategy.wire()).append(':');
        List<String> parts = new ArrayList<>();
        int share = strategy == Strategy.CANARY ? basisPoints : stepBasisPoints;
        if (share > 0) {
            parts.add(percent(share) + "%");
        }
        if (!groups.isEmpty()) {
            parts.add("group=" + String.join("+", groups));
        }
        parts.add(Durations.format(stepInterval));
        parts.add("bake=" + Durations.format(bake));
        return out.append(String.join("/", parts)).toString();
    }

    private static String percent(int basisPoints) {
        return basisPoints % 100 == 0 ? Integer.toString(basisPoints / 100) : Double.toString(basisPoints / 100.0);
    }
}
