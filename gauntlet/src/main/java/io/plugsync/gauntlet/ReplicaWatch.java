package io.plugsync.gauntlet;

import io.plugsync.common.replica.DynamoConfigStore;
import io.plugsync.common.replica.ReplicaIntegrityException;
import io.plugsync.common.replica.ReplicatedConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The workers' side, through {@link DynamoConfigStore} only: readers fetch active configs (every
 * read verifies chunks and checksums), and a sampler reads every connector's pointer throughout the
 * run, recording each step backwards (or a pointer that disappears) and, for each acknowledged
 * publish, how long until the pointer reached it (replica lag).
 */
final class ReplicaWatch {
    /** A lag measured for a publish acknowledged at {@code ackMillis}. */
    record Lag(long ackMillis, long lagMillis) {}

    private final DynamoDbAsyncClient client;
    private final DynamoConfigStore store;
    private final List<UUID> connectors;
    private final Stats stats;
    private final Timeline timeline;
    private final Map<UUID, Integer> seen = new ConcurrentHashMap<>();
    private final Map<UUID, ConcurrentSkipListMap<Integer, Long>> pending = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> regressions = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Lag> lags = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> integrityFailures = new ConcurrentLinkedQueue<>();
    private long samples;
    private int cursor;

    ReplicaWatch(String dynamoEndpoint, String table, List<UUID> connectors, Stats stats) {
        this.client = DynamoDbAsyncClient.builder()
                .endpointOverride(URI.create(dynamoEndpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(NettyNioAsyncHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(5))
                        .build())
                .build();
        this.store = new DynamoConfigStore(client, table, Duration.ofSeconds(2), 512, Clock.systemUTC());
        this.connectors = connectors;
        this.stats = stats;
        this.timeline = stats.timeline();
    }

    Timeline timeline() {
        return timeline;
    }

    DynamoConfigStore store() {
        return store;
    }

    /** A publish was acknowledged: its lag runs until the pointer reaches it. */
    void acknowledged(UUID connector, int version) {
        pending.computeIfAbsent(connector, k -> new ConcurrentSkipListMap<>()).put(version, timeline.nowMillis());
    }

    /** Versions acknowledged whose pointer has not been seen yet. */
    int unresolved() {
        return pending.values().stream().mapToInt(Map::size).sum();
    }

    long samples() {
        return samples;
    }

    List<Thread> start(AtomicBoolean running, int readers, double readsPerSecond, long seed) {
        List<Thread> threads = new ArrayList<>();
        Thread sampler = new Thread(() -> sampleLoop(running), "replica-sampler");
        sampler.setDaemon(true);
        sampler.start();
        threads.add(sampler);
        for (int i = 0; i < readers; i++) {
            threads.add(
                    new LoadLoop("replica-reader-" + i, readsPerSecond, running, seed + i) {
                        @Override
                        void step() {
                            read(connectors.get(random.nextInt(connectors.size())));
                        }
                    }.start());
        }
        return threads;
    }

    /** A worker's read: the active config, reassembled and checked by the store. */
    private void read(UUID connector) {
        try {
            Optional<ReplicatedConfig> config =
                    store.active(connector).toCompletableFuture().get(5, TimeUnit.SECONDS);
            stats.record("DynamoConfigStore.active", config.isPresent() ? 200 : 404, config.isPresent(), null);
        } catch (Exception e) {
            Throwable cause = cause(e);
            if (cause instanceof ReplicaIntegrityException) {
                integrityFailures.add(connector + ": " + cause.getMessage());
            }
            stats.record("DynamoConfigStore.active", -1, false, cause.toString());
        }
    }

    /** Every 200 ms: connectors with pending acknowledgements, plus the next ten in turn. */
    private void sampleLoop(AtomicBoolean running) {
        while (running.get()) {
            long started = System.nanoTime();
            sampleOnce(due());
            long left = 200 - (System.nanoTime() - started) / 1_000_000;
            if (left > 0) {
                try {
                    Thread.sleep(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private Set<UUID> due() {
        Set<UUID> due = new LinkedHashSet<>();
        pending.forEach((c, versions) -> {
            if (!versions.isEmpty()) {
                due.add(c);
            }
        });
        for (int i = 0; i < 10; i++) {
            due.add(connectors.get(cursor++ % connectors.size()));
        }
        return due;
    }

    /** Reads the pointers of {@code due} (uncached, consistent) and records what they show. */
    void sampleOnce(Set<UUID> due) {
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (UUID c : due) {
            reads.add(store.activeVersion(c).toCompletableFuture().handle((pointer, failure) -> {
                if (failure != null) {
                    stats.record(
                            "DynamoConfigStore.activeVersion",
                            -1,
                            false,
                            cause(failure).toString());
                } else {
                    stats.record("DynamoConfigStore.activeVersion", 200, true, null);
                    observe(c, pointer);
                }
                return null;
            }));
        }
        try {
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // failures are recorded per read
        }
        samples++;
    }

    private void observe(UUID connector, Optional<Integer> pointer) {
        Integer before = seen.get(connector);
        if (pointer.isEmpty()) {
            if (before != null) {
                regressions.add(String.format(
                        "[%s] %s: pointer v%d disappeared", Timeline.seconds(timeline.nowMillis()), connector, before));
            }
            return;
        }
        int now = pointer.get();
        if (before != null && now < before) {
            regressions.add(String.format(
                    "[%s] %s: pointer v%d -> v%d", Timeline.seconds(timeline.nowMillis()), connector, before, now));
        }
        seen.merge(connector, now, Math::max);
        ConcurrentSkipListMap<Integer, Long> waiting = pending.get(connector);
        if (waiting != null) {
            long at = timeline.nowMillis();
            var reached = waiting.headMap(now, true);
            reached.forEach((version, ackMillis) -> lags.add(new Lag(ackMillis, Math.max(0, at - ackMillis))));
            reached.clear();
        }
    }

    private static Throwable cause(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    void close() {
        client.close();
    }
}
