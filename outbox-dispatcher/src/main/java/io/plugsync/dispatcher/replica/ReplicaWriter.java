package io.plugsync.dispatcher.replica;

import io.plugsync.common.replica.PointerRevision;
import io.plugsync.common.replica.ReplicaItems;
import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.dispatcher.metrics.DispatcherMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Writes versions into the replica and moves the active pointer forward. Every write is
 * conditional: a version's items are never overwritten with different content, and the pointer
 * only ever moves to a higher revision ({@link PointerRevision}), so replays and stragglers are
 * harmless no-ops. Rollout moves of the pointer are {@code rollout.RolloutPointerWriter}'s.
 */
@ApplicationScoped
public class ReplicaWriter {
    private static final String TARGET = "dynamodb";

    private final DynamoDbAsyncClient dynamo;
    private final AwsResources resources;
    private final DispatcherMetrics metrics;

    public ReplicaWriter(DynamoDbAsyncClient dynamo, AwsResources resources, DispatcherMetrics metrics) {
        this.dynamo = dynamo;
        this.resources = resources;
        this.metrics = metrics;
    }

    /** What the pointer write did. */
    public enum PointerResult {
        ADVANCED,
        /** The replica already had this or a newer version active. */
        ALREADY_CURRENT
    }

    /**
     * Writes the items of one version (immutable: a version already there with the same content is
     * a no-op, with different content a failure). Versions are independent of each other, so
     * several may be written at once; the pointer is moved separately, after them.
     */
    public Uni<Void> writeVersion(UUID connectorId, int version, String checksum, byte[] payload, Instant publishedAt) {
        return Uni.createFrom()
                .deferred(() -> writeVersion(
                        connectorId,
                        version,
                        ReplicaItems.version(connectorId, version, checksum, payload, publishedAt)))
                .onItemOrFailure()
                .invoke(this::count);
    }

    /**
     * Moves the active pointer to {@code version} for every worker unless it is already there or
     * further (it never moves back). Call it only after the version's items are written.
     */
    public Uni<PointerResult> flipPointer(UUID connectorId, int version, String checksum) {
        return pointer(connectorId, version, checksum).onItemOrFailure().invoke(this::count);
    }

    /** Counts one DynamoDB call of this writer or of the rollout pointer writer. */
    public void count(Object ok, Throwable failure) {
        metrics.target(TARGET, failure == null);
        if (failure != null && AwsResources.unwrap(failure) instanceof ResourceNotFoundException) {
            resources.forgetTable();
        }
    }

    private Uni<Void> writeVersion(UUID connectorId, int version, ReplicaItems.VersionItems items) {
        String sha = items.header().get(ReplicaLayout.PAYLOAD_SHA256).s();
        if (items.chunks().isEmpty()) {
            return putHeader(connectorId, version, items.header(), sha);
        }
        // Chunked: look at the header first. Chunks are only written while no header exists, so a
        // reader (which starts from the header) never sees a half-written or mixed set.
        return existingPayloadSha(connectorId, version).chain(existing -> {
            if (existing != null) {
                return sameContent(connectorId, version, existing, sha);
            }
            List<Uni<Void>> puts = new ArrayList<>();
            for (Map<String, AttributeValue> chunk : items.chunks()) {
                puts.add(Uni.createFrom()
                        .completionStage(() -> dynamo.putItem(PutItemRequest.builder()
                                .tableName(resources.table())
                                .item(chunk)
                                .build()))
                        .replaceWithVoid());
            }
            return Uni.join().all(puts).andFailFast().chain(() -> putHeader(connectorId, version, items.header(), sha));
        });
    }

    private Uni<Void> putHeader(UUID connectorId, int version, Map<String, AttributeValue> header, String sha) {
        return Uni.createFrom()
                .completionStage(() -> dynamo.putItem(PutItemRequest.builder()
                        .tableName(resources.table())
                        .item(header)
                        .conditionExpression("attribute_not_exists(#sk)")
                        .expressionAttributeNames(Map.of("#sk", ReplicaLayout.SK))
                        .build()))
                .replaceWithVoid()
                .onFailure(e -> AwsResources.unwrap(e) instanceof ConditionalCheckFailedException)
                .recoverWithUni(() -> existingPayloadSha(connectorId, version)
                        .chain(existing -> sameContent(connectorId, version, existing, sha)));
    }

    private Uni<Void> sameContent(UUID connectorId, int version, String existing, String sha) {
        if (sha.equals(existing)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom()
                .failure(new IllegalStateException("replica already holds different content for " + connectorId + " v"
                        + version + " (payload sha256 " + existing + ", this delivery " + sha + ")"));
    }

    private Uni<String> existingPayloadSha(UUID connectorId, int version) {
        return Uni.createFrom()
                .completionStage(() -> dynamo.getItem(r -> r.tableName(resources.table())
                        .key(ReplicaItems.key(connectorId, ReplicaLayout.versionSk(version)))
                        .projectionExpression("#ps")
                        .expressionAttributeNames(Map.of("#ps", ReplicaLayout.PAYLOAD_SHA256))
                        .consistentRead(true)))
                .map(r -> r.hasItem() && r.item().containsKey(ReplicaLayout.PAYLOAD_SHA256)
                        ? r.item().get(ReplicaLayout.PAYLOAD_SHA256).s()
                        : null);
    }

    private Uni<PointerResult> pointer(UUID connectorId, int version, String checksum) {
        return Uni.createFrom()
                .completionStage(() -> dynamo.putItem(PutItemRequest.builder()
                        .tableName(resources.table())
                        .item(ReplicaItems.activePointer(connectorId, version, checksum))
                        // the pointer's revision only grows: a version's plain publish outranks every
                        // rollout move of an earlier version and none of its own rollout's moves;
                        // items from before revisions existed are compared by version
                        .conditionExpression(
                                "attribute_not_exists(#sk) OR (attribute_not_exists(#r) AND #v < :v)" + " OR #r < :r")
                        .expressionAttributeNames(Map.of(
                                "#sk", ReplicaLayout.SK,
                                "#v", ReplicaLayout.VERSION,
                                "#r", ReplicaLayout.POINTER_REVISION))
                        .expressionAttributeValues(Map.of(
                                ":v", AttributeValue.fromN(Integer.toString(version)),
                                ":r", AttributeValue.fromN(Long.toString(PointerRevision.plain(version)))))
                        .build()))
                .map(r -> PointerResult.ADVANCED)
                .onFailure(e -> AwsResources.unwrap(e) instanceof ConditionalCheckFailedException)
                .recoverWithItem(PointerResult.ALREADY_CURRENT);
    }
}
