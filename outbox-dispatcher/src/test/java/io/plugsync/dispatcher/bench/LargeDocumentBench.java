package io.plugsync.dispatcher.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.replica.DynamoConfigStore;
import io.plugsync.dispatcher.connector.LargeDocumentReplicaTest;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.dispatcher.worker.WorkerConfigCache;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: run by bench/history-bench.sh. Publish-to-replica latency of a 1 MB
 * schema-valid V3 document next to a small document's, one publish at a time: from the publish call
 * until a worker ({@link WorkerConfigCache}: SQS change notification, then {@link
 * DynamoConfigStore}) has read and verified the new version's whole body; and the three parts of
 * that time. Prints BENCH lines.
 */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
class LargeDocumentBench {
    private static final int PUBLISHES = Integer.getInteger("bench.publishes", 20);

    @Inject
    WorkerConfigCache worker;

    @Test
    void megabytePublishToReplica() throws Exception {
        ObjectNode large = LargeDocumentReplicaTest.largeDocument(120, 9, 20261204L);
        int bytes = CanonicalJson.bytes(large).length;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            PublishFixture fixture = new PublishFixture(db);
            DynamoConfigStore store = worker.store();
            IntFunction<ObjectNode> small = v -> PublishFixture.document(v, "small");
            IntFunction<ObjectNode> big = v -> {
                ObjectNode doc = large.deepCopy();
                doc.with("settings").put("revision", v);
                return doc;
            };
            run(fixture, store, small, 5);
            run(fixture, store, big, 3);
            double[] base = run(fixture, store, small, PUBLISHES);
            double[] mb = run(fixture, store, big, PUBLISHES);
            System.out.printf(
                    "BENCH 1 MB publish-to-replica (%d bytes canonical, %d publishes): p50 %.0f ms, p99 %.0f ms"
                            + " (target p99 <= 1000 ms); small document p50 %.0f ms, p99 %.0f ms; p99 ratio %.1fx%n",
                    bytes, PUBLISHES, mb[0], mb[1], base[0], base[1], mb[1] / base[1]);
            System.out.printf(
                    "BENCH 1 MB publish-to-replica, where the time goes (p50 / p99 ms): publish transaction"
                            + " (JDBC fixture) %.0f / %.0f; commit -> worker notified (dispatcher, SQS) %.0f / %.0f;"
                            + " read and verify through DynamoConfigStore %.0f / %.0f%n",
                    mb[2], mb[3], mb[4], mb[5], mb[6], mb[7]);
        }
    }

    private boolean notified(UUID connector, int version) {
        return worker.received().stream().anyMatch(n -> n.connectorId().equals(connector) && n.version() == version);
    }

    /**
     * {p50, p99} ms from the publish call until the replica serves the version as active and it is
     * read, then {p50, p99} of each part: the publish call, commit to the pointer seen, the read.
     */
    private double[] run(
            PublishFixture fixture, DynamoConfigStore store, IntFunction<ObjectNode> document, int publishes)
            throws Exception {
        UUID connector = fixture.newConnector();
        long[] ns = new long[publishes];
        long[] publish = new long[publishes];
        long[] replicate = new long[publishes];
        long[] read = new long[publishes];
        for (int v = 1; v <= publishes; v++) {
            long start = System.nanoTime();
            fixture.publish(connector, document.apply(v));
            long committed = System.nanoTime();
            // as a worker learns of it: the SQS change notification, sent once the pointer has moved
            // (polling the replica every few ms would load the two cores the dispatcher runs on)
            while (!notified(connector, v)) {
                Thread.sleep(1);
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw new IllegalStateException("version " + v + " not replicated in 30 s");
                }
            }
            long active = System.nanoTime();
            store.version(connector, v).toCompletableFuture().join().orElseThrow();
            long done = System.nanoTime();
            ns[v - 1] = done - start;
            publish[v - 1] = committed - start;
            replicate[v - 1] = active - committed;
            read[v - 1] = done - active;
        }
        double[] out = new double[8];
        long[][] series = {ns, publish, replicate, read};
        for (int i = 0; i < series.length; i++) {
            long[] sorted = series[i].clone();
            Arrays.sort(sorted);
            out[2 * i] = sorted[publishes / 2] / 1e6;
            out[2 * i + 1] = sorted[(int) Math.ceil(publishes * 0.99) - 1] / 1e6;
        }
        return out;
    }
}
