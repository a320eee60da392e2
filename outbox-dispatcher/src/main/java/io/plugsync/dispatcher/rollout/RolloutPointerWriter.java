package io.plugsync.dispatcher.rollout;

import io.plugsync.common.outbox.ConnectorRolloutMoved;
import io.plugsync.common.replica.PointerRevision;
import io.plugsync.common.replica.ReplicaItems;
import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.dispatcher.replica.AwsResources;
import io.plugsync.dispatcher.replica.ReplicaWriter;
import io.plugsync.dispatcher.replica.ReplicaWriter.PointerResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Applies one rollout move to the replica's pointer item with a conditional {@code UpdateItem}: the
 * write happens only while the item's revision is lower than the move's ({@link PointerRevision}),
 * so a replayed move, or a move that arrives after a later publish, leaves the pointer alone. A move
 * that is applied counts itself in {@code rollout_moves} (set to 1 by a rollout's first move),
 * which is how a crash test sees that no move was applied twice or skipped.
 */
@ApplicationScoped
public class RolloutPointerWriter {
    private final DynamoDbAsyncClient dynamo;
    private final AwsResources resources;
    private final ReplicaWriter replica;

    public RolloutPointerWriter(DynamoDbAsyncClient dynamo, AwsResources resources, ReplicaWriter replica) {
        this.dynamo = dynamo;
        this.resources = resources;
        this.replica = replica;
    }

    /** Whether the header item of a version is in the replica. */
    public Uni<Boolean> versionPresent(UUID connectorId, int version) {
        return Uni.createFrom()
                .completionStage(() -> dynamo.getItem(r -> r.tableName(resources.table())
                        .key(ReplicaItems.key(connectorId, ReplicaLayout.versionSk(version)))
                        .projectionExpression("#sk")
                        .expressionAttributeNames(Map.of("#sk", ReplicaLayout.SK))
                        .consistentRead(true)))
                .map(r -> r.hasItem() && !r.item().isEmpty())
                .onItemOrFailure()
                .invoke(replica::count);
    }

    public Uni<PointerResult> move(ConnectorRolloutMoved m) {
        long revision = PointerRevision.rollout(m.candidateVersion(), m.move());
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#sk", ReplicaLayout.SK);
        names.put("#v", ReplicaLayout.VERSION);
        names.put("#c", ReplicaLayout.CHECKSUM);
        names.put("#r", ReplicaLayout.POINTER_REVISION);
        names.put("#rid", ReplicaLayout.ROLLOUT_ID);
        names.put("#rs", ReplicaLayout.ROLLOUT_STATE);
        names.put("#step", ReplicaLayout.ROLLOUT_STEP);
        names.put("#moves", ReplicaLayout.ROLLOUT_MOVES);
        names.put("#w", ReplicaLayout.WRITTEN_AT);
        names.put("#cv", ReplicaLayout.CANDIDATE_VERSION);
        names.put("#cc", ReplicaLayout.CANDIDATE_CHECKSUM);
        names.put("#bp", ReplicaLayout.ROLLOUT_BASIS_POINTS);
        names.put("#g", ReplicaLayout.ROLLOUT_GROUPS);
        values.put(":v", n(m.settledVersion()));
        values.put(":c", AttributeValue.fromS(m.settledChecksum()));
        values.put(":r", n(revision));
        values.put(":rid", AttributeValue.fromS(m.rolloutId().toString()));
        values.put(":rs", AttributeValue.fromS(m.state()));
        values.put(":step", n(m.step()));
        values.put(":one", n(1));
        values.put(":w", AttributeValue.fromS(Instant.now().toString()));
        values.put(":cand", n(m.candidateVersion()));
        String moves = m.move() == 1 ? "#moves = :one" : "#moves = if_not_exists(#moves, :zero) + :one";
        if (m.move() != 1) {
            values.put(":zero", n(0));
        }
        StringBuilder update = new StringBuilder(
                        "SET #v = :v, #c = :c, #r = :r, #rid = :rid, #rs = :rs, #step = :step, ")
                .append(moves)
                .append(", #w = :w");
        if (m.ends()) {
            update.append(" REMOVE #cv, #cc, #bp, #g");
        } else {
            update.append(", #cv = :cand, #cc = :cc, #bp = :bp, #g = :g");
            values.put(":cc", AttributeValue.fromS(m.candidateChecksum()));
            values.put(":bp", n(m.basisPoints()));
            List<AttributeValue> groups =
                    m.groups().stream().map(AttributeValue::fromS).toList();
            values.put(":g", AttributeValue.fromL(groups));
        }
        UpdateItemRequest request = UpdateItemRequest.builder()
                .tableName(resources.table())
                .key(ReplicaItems.key(m.connectorId(), ReplicaLayout.ACTIVE_SK))
                .updateExpression(update.toString())
                // never back: items from before revisions existed hold at most the stable version
                .conditionExpression(
                        "attribute_not_exists(#sk) OR (attribute_not_exists(#r) AND #v < :cand) OR #r < :r")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
        return Uni.createFrom()
                .completionStage(() -> dynamo.updateItem(request))
                .map(r -> PointerResult.ADVANCED)
                .onFailure(e -> AwsResources.unwrap(e) instanceof ConditionalCheckFailedException)
                .recoverWithItem(PointerResult.ALREADY_CURRENT)
                .onItemOrFailure()
                .invoke(replica::count);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
