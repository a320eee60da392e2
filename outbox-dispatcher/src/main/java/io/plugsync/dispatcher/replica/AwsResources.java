package io.plugsync.dispatcher.replica;

import io.plugsync.common.delivery.LibraryReplicaLayout;
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
 * The dispatcher's DynamoDB tables and SQS queues: the connector replica and its notification
 * queue, the library replica and its notification queue. Created when missing if {@code
 * plugsync.dispatcher.create-resources} (local stack, tests), otherwise only looked up. Retried on
 * every drain pass until it succeeds, so a dispatcher that starts before DynamoDB or SQS is up
 * recovers by itself. Both tables are keyed by a string partition key and a string sort key.
 */
@ApplicationScoped
public class AwsResources {
    private static final Logger LOG = Logger.getLogger(AwsResources.class);

    private final DynamoDbAsyncClient dynamo;
    private final SqsAsyncClient sqs;
    private final DispatcherConfig config;
    private final Table connectorTable;
    private final Table libraryTable;
    private final Queue connectorQueue;
    private final Queue libraryQueue;

    public AwsResources(DynamoDbAsyncClient dynamo, SqsAsyncClient sqs, DispatcherConfig config) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.config = config;
        this.connectorTable = new Table(config.replica().table(), ReplicaLayout.PK, ReplicaLayout.SK);
        this.libraryTable = new Table(config.library().table(), LibraryReplicaLayout.PK, LibraryReplicaLayout.SK);
        this.connectorQueue = new Queue(config.sqs().queue());
        this.libraryQueue = new Queue(config.library().queue());
    }

    /** Completes when the connector table exists and, if notifications are on, its queue URL is known. */
    public Uni<Void> ready() {
        return connectorTable.ready().chain(connectorQueue::ready);
    }

    /** Completes when the library table exists and, if notifications are on, its queue URL is known. */
    public Uni<Void> libraryReady() {
        return libraryTable.ready().chain(libraryQueue::ready);
    }

    /** The connector notification queue's URL (after {@link #ready()}). */
    public String queueUrl() {
        return connectorQueue.url();
    }

    /** The library notification queue's URL (after {@link #libraryReady()}). */
    public String libraryQueueUrl() {
        return libraryQueue.url();
    }

    /** The table vanished (e.g. a recreated emulator): look it up (and create it) again on the next pass. */
    public void forgetTable() {
        connectorTable.forget();
    }

    public void forgetLibraryTable() {
        libraryTable.forget();
    }

    /**
     * The queue vanished (an SQS emulator restarted empty, or the queue was deleted and created
     * again): resolve its URL (and create it, where this dispatcher creates resources) again on the
     * next pass, instead of sending to a queue that no longer exists until the events go dead.
     */
    public void forgetQueue() {
        connectorQueue.forget();
    }

    public void forgetLibraryQueue() {
        libraryQueue.forget();
    }

    public String table() {
        return connectorTable.name;
    }

    public String libraryTable() {
        return libraryTable.name;
    }

    /** One DynamoDB table, looked up (or created) once, again after {@link #forget()}. */
    private final class Table {
        private final String name;
        private final String partitionKey;
        private final String sortKey;
        private volatile boolean ready;

        Table(String name, String partitionKey, String sortKey) {
            this.name = name;
            this.partitionKey = partitionKey;
            this.sortKey = sortKey;
        }

        Uni<Void> ready() {
            return ready ? Uni.createFrom().voidItem() : ensure().invoke(() -> ready = true);
        }

        void forget() {
            ready = false;
        }

        private Uni<Void> ensure() {
            return describeStatus().chain(status -> {
                if (status == TableStatus.ACTIVE) {
                    return Uni.createFrom().voidItem();
                }
                if (status == null && !config.createResources()) {
                    return Uni.createFrom()
                            .failure(new IllegalStateException("DynamoDB table " + name
                                    + " does not exist and plugsync.dispatcher.create-resources is off"));
                }
                Uni<Void> create = status == null ? create() : Uni.createFrom().voidItem();
                return create.chain(this::awaitActive);
            });
        }

        private Uni<TableStatus> describeStatus() {
            return Uni.createFrom()
                    .completionStage(() -> dynamo.describeTable(r -> r.tableName(name)))
                    .map(r -> r.table().tableStatus())
                    .onFailure(e -> unwrap(e) instanceof ResourceNotFoundException)
                    .recoverWithNull();
        }

        private Uni<Void> create() {
            LOG.infof("creating DynamoDB table %s", name);
            CreateTableRequest request = CreateTableRequest.builder()
                    .tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(stringAttribute(partitionKey), stringAttribute(sortKey))
                    .keySchema(key(partitionKey, KeyType.HASH), key(sortKey, KeyType.RANGE))
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
                            : Uni.createFrom().failure(new IllegalStateException("table " + name + " is " + status)))
                    .onFailure()
                    .retry()
                    .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2))
                    .atMost(30);
        }
    }

    /** One FIFO notification queue, resolved (or created) once, again after {@link #forget()}; nothing to do while SQS is off. */
    private final class Queue {
        private final String name;
        private final AtomicReference<String> url = new AtomicReference<>();

        Queue(String name) {
            this.name = name;
        }

        Uni<Void> ready() {
            if (!config.sqs().enabled() || url.get() != null) {
                return Uni.createFrom().voidItem();
            }
            return ensure().invoke(url::set).replaceWithVoid();
        }

        void forget() {
            url.set(null);
        }

        String url() {
            String resolved = url.get();
            if (resolved == null) {
                throw new IllegalStateException("queue " + name + " not resolved yet");
            }
            return resolved;
        }

        private Uni<String> ensure() {
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
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /** The cause of a failed SDK future (CompletionException), or the failure itself. */
    public static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
