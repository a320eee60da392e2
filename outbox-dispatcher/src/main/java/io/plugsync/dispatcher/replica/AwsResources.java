package io.plugsync.dispatcher.replica;

import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.dispatcher.config.DispatcherConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The replica table and the notification queue: created when missing if {@code
 * plugsync.dispatcher.create-resources} (local stack, tests), otherwise only looked up. Retried on
 * every drain pass until it succeeds, so a dispatcher that starts before DynamoDB or SQS is up
 * recovers by itself.
 */
@ApplicationScoped
public class AwsResources {
    private static final Logger LOG = Logger.getLogger(AwsResources.class);

    private final DynamoDbAsyncClient dynamo;
    private final SqsAsyncClient sqs;
    private final DispatcherConfig config;
    private volatile boolean tableReady;
    private final AtomicReference<String> queueUrl = new AtomicReference<>();

    public AwsResources(DynamoDbAsyncClient dynamo, SqsAsyncClient sqs, DispatcherConfig config) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.config = config;
    }

    /** Completes when the table exists and, if notifications are on, the queue URL is known. */
    public Uni<Void> ready() {
        Uni<Void> table =
                tableReady ? Uni.createFrom().voidItem() : ensureTable().invoke(() -> tableReady = true);
        return table.chain(() -> !config.sqs().enabled() || queueUrl.get() != null
                ? Uni.createFrom().voidItem()
                : ensureQueue().invoke(queueUrl::set).replaceWithVoid());
    }

    /** The queue URL (after {@link #ready()}). */
    public String queueUrl() {
        String url = queueUrl.get();
        if (url == null) {
            throw new IllegalStateException("queue " + config.sqs().queue() + " not resolved yet");
        }
        return url;
    }

    /** The table vanished (e.g. a recreated emulator): look it up (and create it) again on the next pass. */
    public void forgetTable() {
        tableReady = false;
    }

    public String table() {
        return config.replica().table();
    }

    private Uni<Void> ensureTable() {
        return describeStatus().chain(status -> {
            if (status == TableStatus.ACTIVE) {
                return Uni.createFrom().voidItem();
            }
            if (status == null && !config.createResources()) {
                return Uni.createFrom()
                        .failure(new IllegalStateException("DynamoDB table " + table()
                                + " does not exist and plugsync.dispatcher.create-resources is off"));
            }
            Uni<Void> create = status == null ? createTable() : Uni.createFrom().voidItem();
            return create.chain(this::awaitActive);
        });
    }

    private Uni<TableStatus> describeStatus() {
        return Uni.createFrom()
                .completionStage(() -> dynamo.describeTable(r -> r.tableName(table())))
                .map(r -> r.table().tableStatus())
                .onFailure(e -> unwrap(e) instanceof ResourceNotFoundException)
                .recoverWithItem((TableStatus) null);
    }

    private Uni<Void> createTable() {
        LOG.infof("creating DynamoDB table %s", table());
        CreateTableRequest request = CreateTableRequest.builder()
                .tableName(table())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName(ReplicaLayout.PK)
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName(ReplicaLayout.SK)
                                .attributeType(ScalarAttributeType.S)
                                .build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName(ReplicaLayout.PK)
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName(ReplicaLayout.SK)
                                .keyType(KeyType.RANGE)
                                .build())
                .build();
        return Uni.createFrom()
                .completionStage(() -> dynamo.createTable(request))
                .replaceWithVoid()
                // another dispatcher replica created it first
                .onFailure(e -> unwrap(e) instanceof ResourceInUseException)
                .recoverWithNull();
    }

    private Uni<Void> awaitActive() {
        return describeStatus()
                .onItem()
                .transformToUni(status -> status == TableStatus.ACTIVE
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new IllegalStateException("table " + table() + " is " + status)))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2))
                .atMost(30);
    }

    private Uni<String> ensureQueue() {
        String name = config.sqs().queue();
        if (config.createResources()) {
            return Uni.createFrom()
                    .completionStage(() -> sqs.createQueue(r -> r.queueName(name)
                            .attributes(Map.of(
                                    QueueAttributeName.FIFO_QUEUE, "true",
                                    QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false"))))
                    .map(r -> r.queueUrl());
        }
        return Uni.createFrom()
                .completionStage(() -> sqs.getQueueUrl(r -> r.queueName(name)))
                .map(r -> r.queueUrl());
    }

    static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
