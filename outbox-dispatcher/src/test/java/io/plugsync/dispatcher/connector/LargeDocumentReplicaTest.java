package io.plugsync.dispatcher.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.replica.DynamoConfigStore;
import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.common.replica.ReplicatedConfig;
import io.plugsync.common.v3.V3Validator;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.dispatcher.support.PublishFixture.Published;
import io.plugsync.dispatcher.support.ReplicaProbe;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A ~1 MB schema-valid V3 document (many entities, fields and flows, as a large connector has)
 * goes through the publish function, is replicated by the dispatcher in several chunk items and
 * reads back through {@link DynamoConfigStore} byte-identical to the canonical document.
 */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
public class LargeDocumentReplicaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    DynamoDbAsyncClient dynamoAsync;

    @Test
    void megabyteV3DocumentIsChunkedAndReadsBackByteIdentical() throws Exception {
        ObjectNode document = largeDocument(120, 9, 20261204L);
        byte[] canonical = CanonicalJson.bytes(document);
        assertThat(canonical.length).isBetween(1_000_000, 1_500_000);
        assertThat(V3Validator.get().validate(document)).isEmpty();

        try (Connection db = PlugSyncTestEngines.jdbc();
                ReplicaProbe probe = ReplicaProbe.ofTestEngines()) {
            PublishFixture fixture = new PublishFixture(db);
            UUID connector = fixture.newConnector();
            Published published = fixture.publish(connector, document);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> fixture.delivery(published.eventId()).deliveredAt() != null);

            Map<String, Map<String, AttributeValue>> items = probe.items(connector);
            long chunkItems = items.keySet().stream()
                    .filter(sk -> sk.startsWith(ReplicaLayout.chunkPrefix(1)))
                    .count();
            int declared = Integer.parseInt(items.get(ReplicaLayout.versionSk(1))
                    .get(ReplicaLayout.CHUNKS)
                    .n());
            assertThat(chunkItems)
                    .as("chunk items of version 1")
                    .isGreaterThan(1)
                    .isEqualTo(declared);

            DynamoConfigStore store = new DynamoConfigStore(dynamoAsync, ReplicaLayout.DEFAULT_TABLE);
            ReplicatedConfig byVersion =
                    store.version(connector, 1).toCompletableFuture().join().orElseThrow();
            ReplicatedConfig active =
                    store.active(connector).toCompletableFuture().join().orElseThrow();
            for (ReplicatedConfig read : new ReplicatedConfig[] {byVersion, active}) {
                assertThat(read.version()).isEqualTo(1);
                assertThat(read.documentBytes()).isEqualTo(canonical);
                assertThat(read.checksum())
                        .isEqualTo(CanonicalJson.sha256(document))
                        .isEqualTo(CanonicalJson.sha256(read.documentBytes()))
                        .isEqualTo(published.checksum());
            }
        }
    }

    /**
     * {@code entities} entities of {@code fields} described fields each and one flow per entity
     * mapping every field; the descriptions are seeded random words, so gzip cannot fit the body
     * into one item.
     */
    public static ObjectNode largeDocument(int entities, int fields, long seed) {
        Random random = new Random(seed);
        ObjectNode doc = MAPPER.createObjectNode();
        ObjectNode entityNodes = doc.putObject("entities");
        ObjectNode flows = doc.putObject("event_flows");
        for (int e = 0; e < entities; e++) {
            String entity = String.format("entity_%03d", e);
            ObjectNode entityNode = entityNodes.putObject(entity);
            entityNode.put("primary_key", "id");
            ObjectNode fieldNodes = entityNode.putObject("fields");
            fieldNodes.putObject("id").put("type", "string").put("required", true);
            ObjectNode flow = flows.putObject("crm/" + entity + ".updated");
            flow.put("entity", entity).put("action", "upsert");
            ObjectNode mapping = flow.putObject("mapping");
            mapping.put("id", "$.object.id");
            for (int f = 0; f < fields; f++) {
                String field = String.format("field_%02d", f);
                fieldNodes.putObject(field).put("type", "string").put("description", words(random, 1000));
                mapping.put(field, "$.object.properties." + field);
            }
        }
        doc.putObject("settings").put("region", "eu");
        return doc;
    }

    private static String words(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int word = 2 + random.nextInt(9);
            for (int i = 0; i < word && out.length() < length; i++) {
                out.append((char) ('a' + random.nextInt(26)));
            }
            if (out.length() < length) {
                out.append(' ');
            }
        }
        return out.toString();
    }
}
