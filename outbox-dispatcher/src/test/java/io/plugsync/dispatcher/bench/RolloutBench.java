package io.plugsync.dispatcher.bench;

import static org.awaitility.Awaitility.await;

import io.plugsync.common.outbox.ConnectorRolloutMoved;
import io.plugsync.common.replica.DynamoConfigStore;
import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.common.replica.ReplicaPointer;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.dispatcher.support.RolloutFixture;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * Benchmark, not a test (not picked up by Surefire's default includes): run with
 * bench/rollout-bench.sh. 1,000 simulated workers, each with its own {@link DynamoConfigStore},
 * poll {@code active(connectorId, workerId)}; the dispatcher (in-process, its real drain loop)
 * delivers first a plain publish (every worker switches) and then a rollout's start and a step
 * (only the workers the step adds switch). For each change it prints how long after the pointer
 * write each affected worker saw its new version: p50, p99 and the last one (visible to all), and
 * the ratio of the rollout step's to the plain pointer's, measured in the same run.
 */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
class RolloutBench {
    private static final int WORKERS = Integer.getInteger("bench.workers", 1_000);
    private static final int POLL_MS = Integer.getInteger("bench.poll.ms", 2_000);

    @Inject
    DynamoDbAsyncClient dynamo;

    /** Each worker's last seen version and when it first saw it. */
    private final Map<String, Integer> current = new ConcurrentHashMap<>();

    private final Map<String, Instant> changedAt = new ConcurrentHashMap<>();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    @Test
    void stepChangePropagationNextToThePlainPointer() throws Exception {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            PublishFixture publishes = new PublishFixture(db);
            RolloutFixture rollouts = new RolloutFixture(db, publishes);
            UUID connector = publishes.newConnector();
            publishes.publish(connector, PublishFixture.document(1, "bench"));
            DynamoConfigStore probe =
                    new DynamoConfigStore(dynamo, ReplicaLayout.DEFAULT_TABLE, Duration.ZERO, 16, Clock.systemUTC());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> probe.activeVersion(connector)
                                    .toCompletableFuture()
                                    .join()
                                    .orElse(0)
                            == 1);

            List<String> workers = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                workers.add("bench-worker-" + i);
            }
            ScheduledExecutorService loop = Executors.newScheduledThreadPool(4);
            Random random = new Random(7);
            for (String w : workers) {
                // a store per worker: its own pointer cache, as each worker process has
                DynamoConfigStore store =
                        new DynamoConfigStore(dynamo, ReplicaLayout.DEFAULT_TABLE, Duration.ZERO, 4, Clock.systemUTC());
                loop.schedule(() -> poll(loop, store, connector, w), random.nextInt(POLL_MS), TimeUnit.MILLISECONDS);
            }
            try {
                await().atMost(Duration.ofSeconds(120)).until(() -> current.size() == WORKERS);
                Thread.sleep(3L * POLL_MS);
                long readsBefore = reads.get();
                long t0 = System.nanoTime();
                Thread.sleep(5L * POLL_MS);
                System.out.printf(
                        "BENCH %d workers, each reading its pointer %d ms after its previous answer: %.0f pointer"
                                + " reads/s, %d failed reads%n",
                        WORKERS,
                        POLL_MS,
                        (reads.get() - readsBefore) / ((System.nanoTime() - t0) / 1e9),
                        failures.get());

                // 1. plain publish: every worker goes to v2
                PublishFixture.Published v2 = publishes.publish(connector, PublishFixture.document(2, "bench"));
                Stats plain = measure(connector, probe, workers, v -> v == 2, p -> p.version() == 2);
                plain.print("plain pointer (publish v2, all at once)");

                // 2. a rollout of v3 from v2: the start (10 %) and one step (10 % -> 50 %)
                RolloutFixture.Rollout r = rollouts.publishRolledOut(connector, v2.version(), 1_000, List.of());
                Stats start = measure(
                        connector,
                        probe,
                        workers.stream()
                                .filter(w -> pointerReaches(connector, w, 1_000))
                                .toList(),
                        v -> v == 3,
                        p -> p.rollout().isPresent());
                start.print("rollout start (v3 to 10 % of the workers)");
                rollouts.move(r, 2, ConnectorRolloutMoved.IN_PROGRESS, 1, 5_000, List.of(), null);
                Stats step = measure(
                        connector,
                        probe,
                        workers.stream()
                                .filter(w ->
                                        pointerReaches(connector, w, 5_000) && !pointerReaches(connector, w, 1_000))
                                .toList(),
                        v -> v == 3,
                        p -> p.rollout().map(x -> x.basisPoints() == 5_000).orElse(false));
                step.print("rollout step (v3 from 10 % to 50 % of the workers)");
                System.out.printf(
                        "BENCH ratio step/plain: p50 %.2fx, p99 %.2fx, visible to all %.2fx%n",
                        step.p50() / plain.p50(), step.p99() / plain.p99(), step.max() / plain.max());
            } finally {
                loop.shutdownNow();
            }
        }
    }

    private static boolean pointerReaches(UUID connector, String worker, int basisPoints) {
        return io.plugsync.common.replica.WorkerBuckets.reaches(basisPoints, connector, worker);
    }

    /** One worker's loop: read, then read again {@code POLL_MS} after the answer (a worker never has two reads out). */
    private void poll(ScheduledExecutorService loop, DynamoConfigStore store, UUID connector, String worker) {
        store.active(connector, worker).whenComplete((config, failure) -> {
            reads.incrementAndGet();
            if (failure != null || config.isEmpty()) {
                failures.incrementAndGet();
            } else {
                int version = config.get().version();
                Integer before = current.put(worker, version);
                if (before == null || before != version) {
                    changedAt.put(worker + "@" + version, Instant.now());
                }
            }
            if (!loop.isShutdown()) {
                loop.schedule(() -> poll(loop, store, connector, worker), POLL_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Delays from the pointer write (its {@code written_at}) to each affected worker seeing its version. */
    private Stats measure(
            UUID connector,
            DynamoConfigStore probe,
            List<String> affected,
            IntPredicate target,
            java.util.function.Predicate<ReplicaPointer> moved)
            throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> probe.readPointer(connector)
                        .toCompletableFuture()
                        .join()
                        .filter(moved)
                        .isPresent());
        Instant written = Instant.parse(pointerWrittenAt(connector));
        await().atMost(Duration.ofSeconds(120))
                .until(() -> affected.stream().allMatch(w -> target.test(current.getOrDefault(w, 0))));
        int version = current.get(affected.get(0));
        List<Double> delays = new ArrayList<>();
        for (String w : affected) {
            Instant seen = changedAt.get(w + "@" + version);
            delays.add(Math.max(0, Duration.between(written, seen).toNanos() / 1e6));
        }
        delays.sort(Double::compare);
        return new Stats(delays);
    }

    private String pointerWrittenAt(UUID connector) throws Exception {
        var item = dynamo.getItem(r -> r.tableName(ReplicaLayout.DEFAULT_TABLE)
                        .consistentRead(true)
                        .key(io.plugsync.common.replica.ReplicaItems.key(connector, ReplicaLayout.ACTIVE_SK)))
                .get();
        return item.item().get(ReplicaLayout.WRITTEN_AT).s();
    }

    record Stats(List<Double> delays) {
        double p50() {
            return at(0.50);
        }

        double p99() {
            return at(0.99);
        }

        double max() {
            return delays.get(delays.size() - 1);
        }

        double at(double q) {
            return delays.get(Math.min(delays.size() - 1, (int) Math.ceil(q * delays.size()) - 1));
        }

        void print(String what) {
            System.out.printf(
                    "BENCH %s: %d workers switched; pointer write -> seen p50 %.0f ms, p99 %.0f ms, visible to all"
                            + " %.0f ms%n",
                    what, delays.size(), p50(), p99(), max());
        }
    }
}
