package io.plugsync.ingest.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Sync worker, periodic reconcile and mass-deletion guard settings. */
@ConfigMapping(prefix = "plugsync.ingest")
public interface IngestConfig {
    Worker worker();

    Reconcile reconcile();

    MassDeletion massDeletion();

    interface Worker {
        /** Off in tests, which drive the worker directly. */
        @WithDefault("true")
        boolean enabled();

        /** How often the worker looks for due syncs (scheduler syntax, e.g. {@code 2s}). */
        @WithDefault("2s")
        String pollEvery();

        /** Sync events claimed per poll. */
        @WithDefault("4")
        int batchSize();

        /**
         * A running sync's lease: the worker holding it renews it every {@link #leaseRenewal()}, so
         * it runs out only when that worker died (or cannot reach PostgreSQL); then the sync is
         * re-queued for a live worker.
         */
        @WithDefault("PT1M")
        Duration lease();

        /** How often a worker renews the leases of the syncs it holds and re-queues expired ones. */
        @WithDefault("20s")
        String leaseRenewal();

        @WithDefault("6")
        int maxAttempts();

        /** Blob downloads in flight per sync. */
        @WithDefault("8")
        int blobConcurrency();
    }

    interface Reconcile {
        @WithDefault("true")
        boolean enabled();

        /** Period of the head-SHA check that repairs missed webhooks. */
        @WithDefault("5m")
        String every();

        @WithDefault("30s")
        String initialDelay();
    }

    interface MassDeletion {
        /** A sync deleting more than this share of a target's live objects is held. */
        @WithDefault("0.5")
        double maxShare();

        /** ... and at least this many objects. */
        @WithDefault("10")
        int minObjects();
    }
}
