package io.plugsync.dispatcher.library;

import io.plugsync.common.delivery.LibraryReplicaItems;
import io.plugsync.common.delivery.LibraryReplicaLayout;
import io.plugsync.dispatcher.metrics.DispatcherMetrics;
import io.plugsync.dispatcher.replica.AwsResources;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Reads and writes the library replica's items ({@link LibraryReplicaLayout}). Heads and
 * entitlement items are written conditionally on the replica holding an older version (or none),
 * so a delivery never moves an item backwards whatever the interleaving of dispatcher replicas;
 * a plugin's chunks are written before its head, under the new version's keys, so a reader (which
 * starts from the head) never sees a partly written body.
 */
@ApplicationScoped
public class LibraryReplicaWriter {
    private static final Logger LOG = Logger.getLogger(LibraryReplicaWriter.class);
    private static final String TARGET = "dynamodb";

    private final DynamoDbAsyncClient dynamo;
    private final AwsResources resources;
    private final DispatcherMetrics metrics;

    public LibraryReplicaWriter(DynamoDbAsyncClient dynamo, AwsResources resources, DispatcherMetrics metrics) {
        this.dynamo = dynamo;
        this.resources = resources;
        this.metrics = metrics;
    }

    /** What the replica holds for an item now: its delivery version, checksum and (heads) chunk count. */
    public record Held(long version, String checksum, int chunks, List<String> pluginIds, List<String> teamIds) {}

    /** The plugin's head as the replica holds it (strongly consistent), empty when never delivered. */
    public Uni<Optional<Held>> head(UUID pluginId) {
        return get(LibraryReplicaLayout.pluginPk(pluginId), LibraryReplicaLayout.HEAD_SK);
    }

    /** A principal's entitlement item, empty when never delivered. */
    public Uni<Optional<Held>> entitlement(UUID organizationId, String sk) {
        return get(LibraryReplicaLayout.orgPk(organizationId), sk);
    }

    /** Writes one plugin delivery: its chunks (if any), then its head, conditional on a newer version. */
    public Uni<Void> writePlugin(LibraryReplicaItems.PluginItems items, long version) {
        List<Uni<Void>> chunks = new ArrayList<>(items.chunks().size());
        for (Map<String, AttributeValue> chunk : items.chunks()) {
            chunks.add(put(chunk, null, version));
        }
        Uni<Void> allChunks = chunks.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(chunks).andFailFast().replaceWithVoid();
        return allChunks.chain(() -> put(items.head(), "head", version));
    }

    /** Writes an entitlement item, conditional on a newer version. */
    public Uni<Void> writeEntitlement(Map<String, AttributeValue> item, long version) {
        return put(item, "entitlement", version);
    }

    /**
     * Deletes the chunks of a superseded delivery, best effort: a failure leaves garbage the next
     * delivery of that version number never reads (chunk keys carry the version), not a wrong read.
     */
    public Uni<Void> dropChunks(UUID pluginId, long version, int chunks) {
        List<Uni<Void>> deletes = new ArrayList<>(chunks);
        for (int i = 1; i <= chunks; i++) {
            String sk = LibraryReplicaLayout.chunkSk(version, i);
            deletes.add(Uni.createFrom()
                    .completionStage(() -> dynamo.deleteItem(r -> r.tableName(resources.libraryTable())
                            .key(LibraryReplicaItems.key(LibraryReplicaLayout.pluginPk(pluginId), sk))))
                    .replaceWithVoid());
        }
        if (deletes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join()
                .all(deletes)
                .andCollectFailures()
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.warnf("superseded chunks of plugin %s v%d not all deleted: %s", pluginId, version, failure);
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Optional<Held>> get(String pk, String sk) {
        return Uni.createFrom()
                .completionStage(() -> dynamo.getItem(r -> r.tableName(resources.libraryTable())
                        .key(LibraryReplicaItems.key(pk, sk))
                        .consistentRead(true)))
                .map(r -> r.hasItem() && !r.item().isEmpty() ? Optional.of(held(r.item())) : Optional.<Held>empty())
                .onItemOrFailure()
                .invoke(this::count);
    }

    private static Held held(Map<String, AttributeValue> item) {
        AttributeValue chunks = item.get(LibraryReplicaLayout.CHUNKS);
        boolean inline = item.containsKey(LibraryReplicaLayout.BODY);
        return new Held(
                Long.parseLong(item.get(LibraryReplicaLayout.VERSION).n()),
                item.containsKey(LibraryReplicaLayout.CHECKSUM)
                        ? item.get(LibraryReplicaLayout.CHECKSUM).s()
                        : null,
                chunks == null || inline ? 0 : Integer.parseInt(chunks.n()),
                strings(item.get(LibraryReplicaLayout.PLUGIN_IDS)),
                strings(item.get(LibraryReplicaLayout.TEAM_IDS)));
    }

    private static List<String> strings(AttributeValue list) {
        return list == null || !list.hasL()
                ? null
                : list.l().stream().map(AttributeValue::s).toList();
    }

    /**
     * Puts an item; with {@code what} set, only over an older version (a head or entitlement item):
     * the condition failing means another delivery got further, which the caller's lock rules out,
     * so it is reported as a (retryable) failure rather than ignored.
     */
    private Uni<Void> put(Map<String, AttributeValue> item, String what, long version) {
        PutItemRequest.Builder request =
                PutItemRequest.builder().tableName(resources.libraryTable()).item(item);
        if (what != null) {
            request.conditionExpression("attribute_not_exists(#sk) OR #v < :v")
                    .expressionAttributeNames(
                            Map.of("#sk", LibraryReplicaLayout.SK, "#v", LibraryReplicaLayout.VERSION))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(version))));
        }
        PutItemRequest built = request.build();
        return Uni.createFrom()
                .completionStage(() -> dynamo.putItem(built))
                .replaceWithVoid()
                .onFailure(e -> AwsResources.unwrap(e) instanceof ConditionalCheckFailedException)
                .transform(e -> new IllegalStateException("library replica " + what + " "
                        + item.get(LibraryReplicaLayout.PK).s() + " already holds a version >= " + version))
                .onItemOrFailure()
                .invoke(this::count);
    }

    private void count(Object ok, Throwable failure) {
        metrics.target(TARGET, failure == null);
        if (failure != null && AwsResources.unwrap(failure) instanceof ResourceNotFoundException) {
            resources.forgetLibraryTable();
        }
    }
}
