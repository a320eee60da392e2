package io.plugsync.api.rollout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rollouts and the fleet ({@code plugsync.rollout.*}). */
@ConfigMapping(prefix = "plugsync.rollout")
public interface RolloutConfig {
    /** Whether this replica runs the step evaluator (any number may: each rollout is claimed by one at a time). */
    @WithDefault("true")
    boolean evaluatorEnabled();

    /** How often running rollouts are judged and moved on; a breach is acted on within this. */
    @WithDefault("5s")
    Duration evaluateInterval();

    /** How long after start the evaluator's first pass runs. */
    @WithDefault("2s")
    Duration evaluateDelay();

    /** Running rollouts judged per evaluator pass. */
    @WithDefault("100")
    int evaluateBatchSize();

    /** Fleet reports. */
    Fleet fleet();

    interface Fleet {
        /** A worker's reports closer together than this answer 429 (and are not stored). */
        @WithDefault("5s")
        Duration reportMinInterval();

        /** Workers kept per connector; a new worker beyond it answers 429 {@code fleet-full}. */
        @WithDefault("10000")
        int maxWorkersPerConnector();

        /** Workers that have not reported for this long leave the fleet view. */
        @WithDefault("7d")
        Duration workerRetention();

        /** How often stale workers are removed. */
        @WithDefault("10m")
        Duration pruneInterval();
    }
}
