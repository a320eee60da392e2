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
 * <p>During a rollout the pointer names a stable and a candidate version; {@link #active(UUID,
 * String)} answers the one a given worker must run.
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

    private record CachedPointer(ReplicaPointer pointer, Instant expiresAt) {}

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

    /**
     * The version every worker of the connector runs (during a rollout: the stable version, which
     * workers that do not identify themselves keep), or empty when none has been replicated.
     */
    public CompletionStage<Optional<ReplicatedConfig>> active(UUID connectorId) {
        return pointer(connectorId)
                .thenCompose(pointer -> pointer.isEmpty()
                        ? CompletableFuture.completedFuture(Optional.empty())
                        : version(connectorId, pointer.get().version()));
    }

    /**
     * The version this worker must run: the rollout's candidate when the rollout in progress reaches
     * the worker (by a stable hash of {@code workerId}), else the stable version. Deterministic for a
     * worker id, and while a rollout moves forward a worker that got the candidate keeps it.
     */
    public CompletionStage<Optional<ReplicatedConfig>> active(UUID connectorId, String workerId) {
        return active(connectorId, workerId, null);
    }

    /**
     * As {@link #active(UUID, String)}, for a worker of a named group ({@code null}: none): a rollout
     * naming the group reaches the worker whatever its hash.
     */
    public CompletionStage<Optional<ReplicatedConfig>> active(UUID connectorId, String workerId, String group) {
        if (workerId == null || workerId.isBlank()) {
            throw new IllegalArgumentException(
                    "workerId is required (a stable identity of the worker, not an address)");
        }
        return pointer(connectorId)
                .thenCompose(pointer -> pointer.isEmpty()
                        ? CompletableFuture.completedFuture(Optional.empty())
                        : version(connectorId, pointer.get().versionFor(workerId, group)));
    }

    /**
     * The pointer (cached for the pointer TTL, dropped by {@link #onNotification}): stable version,
     * revision and the rollout in progress. A read never replaces a cached pointer of a higher
     * revision, so what this store answers never goes back.
     */
    public CompletionStage<Optional<ReplicaPointer>> pointer(UUID connectorId) {
        CachedPointer cached = pointers.get(connectorId);
        if (cached != null && clock.instant().isBefore(cached.expiresAt())) {
            return CompletableFuture.completedFuture(Optional.of(cached.pointer()));
        }
        return readPointer(connectorId).thenApply(read -> {
            if (read.isEmpty()) {
                pointers.remove(connectorId);
                return read;
            }
            CachedPointer fresh = new CachedPointer(read.get(), clock.instant().plus(pointerTtl));
            CachedPointer kept = pointers.merge(
                    connectorId,
                    fresh,
                    (old, now) -> now.pointer().revision() >= old.pointer().revision() ? now : old);
            return Optional.of(kept.pointer());
        });
    }

    /** The pointer item as DynamoDB holds it now, read without cache. */
    public CompletionStage<Optional<ReplicaPointer>> readPointer(UUID connectorId) {
        return dynamo.getItem(GetItemRequest.builder()
                        .tableName(table)
                        .key(ReplicaItems.key(connectorId, ReplicaLayout.ACTIVE_SK))
                        .consistentRead(true)
                        .build())
                .thenApply(r -> r.hasItem() && !r.item().isEmpty()
                        ? Optional.of(ReplicaItems.pointer(connectorId, r.item()))
                        : Optional.empty());
    }

    /** The version number the replica's active pointer names (the stable one during a rollout), read without cache. */
    public CompletionStage<Optional<Integer>> activeVersion(UUID connectorId) {
        return readPointer(connectorId).thenApply(p -> p.map(ReplicaPointer::version));
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
        pointers.computeIfPresent(notification.connectorId(), (id, cached) -> {
            ReplicaPointer p = cached.pointer();
            boolean older = p.revision() > 0 && notification.pointerRevision() > 0
                    ? p.revision() < notification.pointerRevision()
                    : p.version() < notification.version();
            return older ? null : cached;
        });
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
