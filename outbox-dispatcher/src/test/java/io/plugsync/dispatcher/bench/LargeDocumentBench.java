package io.plugsync.dispatcher.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.replica.DynamoConfigStore;
import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.dispatcher.connector.LargeDocumentReplicaTest;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * Benchmark, not a test: run by bench/history-bench.sh. Publish-to-replica latency (the publish
 * function's call until {@link DynamoConfigStore} sees the new version as active and has read
 * its whole body) of a 1 MB
 * schema-valid V3 document next to a small document's, one publish at a time. Prints BENCH lines.
 */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
class LargeDocumentBench {
    private static final int PUBLISHES = Integer.getInteger("bench.publishes", 20);

    @Inject
    DynamoDbAsyncClient dynamoAsync;

    @Test
    void megabytePublishToReplica() throws Exception {
        ObjectNode large = LargeDocumentReplicaTest.largeDocument(120, 9, 20261204L);
        int bytes = CanonicalJson.bytes(large).length;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            PublishFixture fixture = new PublishFixture(db);
            DynamoConfigStore store = new DynamoConfigStore(dynamoAsync, ReplicaLayout.DEFAULT_TABLE);
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
        }
    }

    /** {p50, p99} ms from the publish call until the replica serves the version as active. */
    private static double[] run(
            PublishFixture fixture, DynamoConfigStore store, IntFunction<ObjectNode> document, int publishes)
            throws Exception {
        UUID connector = fixture.newConnector();
        long[] ns = new long[publishes];
        for (int v = 1; v <= publishes; v++) {
            long start = System.nanoTime();
            fixture.publish(connector, document.apply(v));
            while (store.activeVersion(connector).toCompletableFuture().join().orElse(0) < v) {
                Thread.sleep(5);
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw new IllegalStateException("version " + v + " not replicated in 30 s");
                }
            }
            store.version(connector, v).toCompletableFuture().join().orElseThrow();
            ns[v - 1] = System.nanoTime() - start;
        }
        Arrays.sort(ns);
        return new double[] {ns[publishes / 2] / 1e6, ns[(int) Math.ceil(publishes * 0.99) - 1] / 1e6};
    }
}
