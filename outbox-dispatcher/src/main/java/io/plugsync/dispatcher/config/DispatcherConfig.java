package io.plugsync.dispatcher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of the outbox dispatcher. */
@ConfigMapping(prefix = "plugsync.dispatcher")
public interface DispatcherConfig {
    /** Whether this instance drains the outbox (admin endpoints and metrics work either way). */
    @WithDefault("true")
    boolean enabled();

    /** Aggregates (head events) claimed per transaction. */
    @WithDefault("50")
    int batchSize();

    /**
     * Most events of one aggregate delivered together in one pass: the head plus the consecutive
     * due events behind it. A connector's run is replicated version by version, but its active
     * pointer moves once, to the newest version of the run, with one notification. 1 delivers one
     * event per aggregate per pass. A pass holds at most {@code batch-size * run-size} events.
     */
    @WithDefault("50")
    int runSize();

    /** Polling fallback when no NOTIFY arrives (missed notifications, retries coming due). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Attempts before an event is parked as dead. */
    @WithDefault("12")
    int maxAttempts();

    /** Backoff after the first failure; doubles per attempt, with full jitter. */
    @WithDefault("1s")
    Duration backoffInitial();

    @WithDefault("5m")
    Duration backoffMax();

    /**
     * Retry delay (jittered between half and all of it) of an event whose delivery failed because
     * DynamoDB or SQS could not be reached; such a failure is not counted as an attempt.
     */
    @WithDefault("5s")
    Duration unavailableRetry();

    /**
     * One delivery (an aggregate's run: replica writes, pointer, notification) must finish within
     * this, or its first event counts as failed.
     */
    @WithDefault("30s")
    Duration deliveryTimeout();

    /** Create the DynamoDB table and SQS queue at start-up when missing (off where infrastructure owns them). */
    @WithDefault("true")
    boolean createResources();

    /** How often the backlog gauges are refreshed from PostgreSQL. */
    @WithDefault("5s")
    Duration metricsInterval();

    Replica replica();

    Drift drift();

    Sqs sqs();

    Library library();

    interface Replica {
        @WithDefault("plugsync_connector_config")
        String table();
    }

    /** Library delivery: resolved plugins and entitlements in their own table and queue. */
    interface Library {
        @WithDefault("plugsync_library")
        String table();

        /** FIFO queue of {@code PluginChangeNotification}s (sent only while {@code sqs.enabled}). */
        @WithDefault("plugsync-library-changes.fifo")
        String queue();

        /**
         * Targets (plugins, principals) of one run re-resolved at once. Each holds a pooled
         * PostgreSQL connection while it is written, so keep it well under the pool size.
         */
        @WithDefault("4")
        int concurrency();
    }

    interface Drift {
        /** How often the scheduled drift check runs. */
        @WithDefault("5m")
        Duration interval();

        /** Delay of the first scheduled check after start. */
        @WithDefault("1m")
        Duration delay();
    }

    interface Sqs {
        /** Send change notifications at all. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("plugsync-config-changes.fifo")
        String queue();
    }
}
