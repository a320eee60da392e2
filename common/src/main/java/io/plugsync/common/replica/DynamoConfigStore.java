package io.plugsync.common.replica;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The read client workers embed: the active (or any) published version of a connector's config,
 * read from the DynamoDB replica the outbox-dispatcher writes. It never touches PostgreSQL.
 *
 * <p>Versions are immutable, so they are cached without expiry (bounded, least recently used
 * out). The active pointer is cached for {@code pointerTtl} and dropped earlier by {@link
 * #onNotification} / {@link #invalidate} when the worker's SQS consumer hears of a change; the TTL
 * is the fallback for a missed notification.
 *
 * <p>Every read reassembles chunks, decompresses and verifies both the payload checksum and the
 * document checksum; a mismatch fails the returned stage with {@link ReplicaIntegrityException}.
 */
public final class DynamoConfigStore {
    private final DynamoDbAsyncClient dynamo;
    private final String table;
    private final Duration pointerTtl;
    private final Clock clock;
    private final Map<UUID, CachedPointer> pointers = new ConcurrentHashMap<>();
    private final Map<VersionKey, ReplicatedConfig> versions;

    private record CachedPointer(int version, Instant expiresAt) {}

    private record VersionKey(UUID connectorId, int version) {}

    /** A store with a 30 s pointer TTL and up to 256 cached versions. */
    public DynamoConfigStore(DynamoDbAsyncClient dynamo, String table) {
        this(dynamo, table, Duration.ofSeconds(30), 256, Clock.systemUTC());
    }

    public DynamoConfigStore(
            DynamoDbAsyncClient dynamo, String table, Duration pointerTtl, int maxCachedVersions, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.pointerTtl = pointerTtl;
        this.clock = clock;
        this.versions = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<VersionKey, ReplicatedConfig> eldest) {
                return size() > maxCachedVersions;
            }
        });
    }

    /** The active version of a connector, or empty when none has been replicated. */
    public CompletionStage<Optional<ReplicatedConfig>> active(UUID connectorId) {
        CachedPointer cached = pointers.get(connectorId);
        if (cached != null && clock.instant().isBefore(cached.expiresAt())) {
            return version(connectorId, cached.version());
        }
        return activeVersion(connectorId).thenCompose(pointer -> {
            if (pointer.isEmpty()) {
                pointers.remove(connectorId);
                return CompletableFuture.completedFuture(Optional.empty());
            }
            pointers.put(
                    connectorId,
                    new CachedPointer(pointer.get(), clock.instant().plus(pointerTtl)));
            return version(connectorId, pointer.get());
        });
    }

    /** The version number the replica's active pointer names, read without cache. */
    public CompletionStage<Optional<Integer>> activeVersion(UUID connectorId) {
        return dynamo.getItem(GetItemRequest.builder()
                        .tableName(table)
                        .key(ReplicaItems.key(connectorId, ReplicaLayout.ACTIVE_SK))
                        .consistentRead(true)
                        .build())
                .thenApply(r -> r.hasItem() && !r.item().isEmpty()
                        ? Optional.of(Integer.parseInt(
                                r.item().get(ReplicaLayout.VERSION).n()))
                        : Optional.empty());
    }

    /** A specific version, or empty when it is not in the replica. */
    public CompletionStage<Optional<ReplicatedConfig>> version(UUID connectorId, int version) {
        VersionKey key = new VersionKey(connectorId, version);
        ReplicatedConfig hit = versions.get(key);
        if (hit != null) {
            return CompletableFuture.completedFuture(Optional.of(hit));
        }
        return dynamo.getItem(GetItemRequest.builder()
                        .tableName(table)
                        .key(ReplicaItems.key(connectorId, ReplicaLayout.versionSk(version)))
                        .consistentRead(true)
                        .build())
                .thenCompose(r -> {
                    if (!r.hasItem() || r.item().isEmpty()) {
                        return CompletableFuture.completedFuture(Optional.<ReplicatedConfig>empty());
                    }
                    Map<String, AttributeValue> header = r.item();
                    return body(connectorId, version, header).thenApply(chunks -> {
                        byte[] payload = ReplicaCodec.decode(
                                header.get(ReplicaLayout.ENCODING).s(),
                                header.get(ReplicaLayout.PAYLOAD_SHA256).s(),
                                chunks);
                        ReplicatedConfig config = ReplicaPayload.decode(
                                connectorId,
                                version,
                                header.get(ReplicaLayout.CHECKSUM).s(),
                                payload);
                        versions.put(key, config);
                        return Optional.of(config);
                    });
                });
    }

    /** Drops the cached active pointer of a connector; the next {@link #active} reads DynamoDB. */
    public void invalidate(UUID connectorId) {
        pointers.remove(connectorId);
    }

    /** Applies an SQS change notification: the cached pointer goes if it is older. */
    public void onNotification(ConfigChangeNotification notification) {
        pointers.computeIfPresent(
                notification.connectorId(), (id, cached) -> cached.version() < notification.version() ? null : cached);
    }

    private CompletionStage<List<byte[]>> body(UUID connectorId, int version, Map<String, AttributeValue> header) {
        int chunks = Integer.parseInt(header.get(ReplicaLayout.CHUNKS).n());
        if (chunks == 1) {
            return CompletableFuture.completedFuture(
                    List.of(header.get(ReplicaLayout.BODY).b().asByteArray()));
        }
        return queryChunks(connectorId, version, null, new ArrayList<>()).thenApply(items -> {
            if (items.size() != chunks) {
                throw new ReplicaIntegrityException("expected " + chunks + " chunks of " + connectorId + " v" + version
                        + ", found " + items.size());
            }
            items.sort(Comparator.comparingInt(
                    i -> Integer.parseInt(i.get(ReplicaLayout.CHUNK_INDEX).n())));
            List<byte[]> parts = new ArrayList<>(items.size());
            items.forEach(i -> parts.add(i.get(ReplicaLayout.BODY).b().asByteArray()));
            return parts;
        });
    }

    private CompletionStage<List<Map<String, AttributeValue>>> queryChunks(
            UUID connectorId,
            int version,
            Map<String, AttributeValue> startKey,
            List<Map<String, AttributeValue>> acc) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", ReplicaLayout.PK, "#sk", ReplicaLayout.SK))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(ReplicaLayout.pk(connectorId)),
                        ":prefix", AttributeValue.fromS(ReplicaLayout.chunkPrefix(version))));
        if (startKey != null) {
            query.exclusiveStartKey(startKey);
        }
        return dynamo.query(query.build()).thenCompose(page -> {
            acc.addAll(page.items());
            if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) {
                return queryChunks(connectorId, version, page.lastEvaluatedKey(), acc);
            }
            return CompletableFuture.completedFuture(acc);
        });
    }
}
