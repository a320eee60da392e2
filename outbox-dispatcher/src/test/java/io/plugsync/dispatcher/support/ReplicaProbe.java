package io.plugsync.dispatcher.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.engines.PlugSyncTestEngines;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Test-side view of the replica and the queue, through plain synchronous AWS clients. */
public final class ReplicaProbe implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final String table;

    /** A probe on the shared test engines' DynamoDB table and queue. */
    public static ReplicaProbe ofTestEngines() {
        var engines = PlugSyncTestEngines.engines();
        return new ReplicaProbe(engines.dynamo().endpoint(), engines.sqs().endpoint(), ReplicaLayout.DEFAULT_TABLE);
    }

    public ReplicaProbe(String dynamoEndpoint, String sqsEndpoint, String table) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        this.dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(dynamoEndpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        this.sqs = SqsClient.builder()
                .endpointOverride(URI.create(sqsEndpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        this.table = table;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    /** Every item of a connector, keyed by sort key. */
    public Map<String, Map<String, AttributeValue>> items(UUID connectorId) {
        Map<String, Map<String, AttributeValue>> out = new java.util.TreeMap<>();
        dynamo.queryPaginator(q -> q.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", ReplicaLayout.PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(connectorId.toString()))))
                .items()
                .forEach(item -> out.put(item.get(ReplicaLayout.SK).s(), item));
        return out;
    }

    /** The active pointer's version, if any. */
    public Optional<Integer> activeVersion(UUID connectorId) {
        var item = dynamo.getItem(r -> r.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(
                                ReplicaLayout.PK, AttributeValue.fromS(connectorId.toString()),
                                ReplicaLayout.SK, AttributeValue.fromS(ReplicaLayout.ACTIVE_SK))))
                .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(Integer.parseInt(item.get(ReplicaLayout.VERSION).n()));
    }

    /** Active versions of many connectors in one BatchGetItem per 100 (missing ones absent). */
    public Map<UUID, Integer> activeVersions(List<UUID> connectors) {
        Map<UUID, Integer> out = new java.util.HashMap<>();
        for (int i = 0; i < connectors.size(); i += 100) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            connectors
                    .subList(i, Math.min(connectors.size(), i + 100))
                    .forEach(id -> keys.add(Map.of(
                            ReplicaLayout.PK, AttributeValue.fromS(id.toString()),
                            ReplicaLayout.SK, AttributeValue.fromS(ReplicaLayout.ACTIVE_SK))));
            Map<String, KeysAndAttributes> request = Map.of(
                    table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                var response = dynamo.batchGetItem(r -> r.requestItems(request));
                response.responses()
                        .getOrDefault(table, List.of())
                        .forEach(item -> out.put(
                                UUID.fromString(item.get(ReplicaLayout.PK).s()),
                                Integer.parseInt(item.get(ReplicaLayout.VERSION).n())));
                if (!response.hasUnprocessedKeys() || response.unprocessedKeys().isEmpty()) {
                    break;
                }
                request.clear();
                request.putAll(response.unprocessedKeys());
            }
        }
        return out;
    }

    public void deleteActivePointer(UUID connectorId) {
        dynamo.deleteItem(r -> r.tableName(table)
                .key(Map.of(
                        ReplicaLayout.PK, AttributeValue.fromS(connectorId.toString()),
                        ReplicaLayout.SK, AttributeValue.fromS(ReplicaLayout.ACTIVE_SK))));
    }

    /** A notification as received, with its FIFO attributes. */
    public record Received(String groupId, String deduplicationId, JsonNode body) {}

    /** Receives (and deletes) everything currently on the queue. */
    public List<Received> drainQueue(String queueName) {
        String url = sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
        List<Received> out = new ArrayList<>();
        int emptyPolls = 0;
        while (emptyPolls < 2) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageSystemAttributeNames(
                                    MessageSystemAttributeName.MESSAGE_GROUP_ID,
                                    MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                    .messages();
            if (messages.isEmpty()) {
                emptyPolls++;
                continue;
            }
            emptyPolls = 0;
            for (Message m : messages) {
                try {
                    out.add(new Received(
                            m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
                            m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID),
                            MAPPER.readTree(m.body())));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return out;
    }

    @Override
    public void close() {
        dynamo.close();
        sqs.close();
    }
}
