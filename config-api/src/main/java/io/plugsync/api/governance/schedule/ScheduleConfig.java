package io.plugsync.api.governance.schedule;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Scheduled publishes ({@code plugsync.governance.schedule.*}). */
@ConfigMapping(prefix = "plugsync.governance.schedule")
public interface ScheduleConfig {
    /** Whether this replica fires due scheduled publishes (any number of replicas may). */
    @WithDefault("true")
    boolean enabled();

    /** How often due scheduled publishes are looked for (also the worst-case delay after their time). */
    @WithDefault("5s")
    Duration pollInterval();

    /** At most this many scheduled publishes fired per poll and replica. */
    @WithDefault("20")
    int batchSize();

    /** How far ahead a publish may be scheduled. */
    @WithDefault("P90D")
    Duration maxAhead();
}
