package io.plugsync.dispatcher.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.common.replica.ConfigChangeNotification;
import io.plugsync.dispatcher.config.DispatcherConfig;
import io.plugsync.dispatcher.metrics.DispatcherMetrics;
import io.plugsync.dispatcher.replica.AwsResources;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Sends the change notification to the FIFO queue: group = connector (order per connector),
 * de-duplication id = outbox event id (a redelivered event is dropped by SQS within its 5-minute
 * window, and workers ignore versions they already have anyway).
 *
 * <p>This uses the SqsAsyncClient rather than a SmallRye Reactive Messaging emitter: the send must
 * complete (or fail) inside the claiming transaction so the outbox row is marked delivered only
 * after SQS accepted the message, and a failure must fail exactly this event. A channel with its
 * buffer and overflow strategy in between would blur both. Workers consume with SmallRye Reactive
 * Messaging ({@code smallrye-sqs}).
 */
@ApplicationScoped
public class ChangeNotifier {
    private static final String TARGET = "sqs";

    private final SqsAsyncClient sqs;
    private final AwsResources resources;
    private final DispatcherConfig config;
    private final DispatcherMetrics metrics;
    private final ObjectMapper mapper;

    public ChangeNotifier(
            SqsAsyncClient sqs,
            AwsResources resources,
            DispatcherConfig config,
            DispatcherMetrics metrics,
            ObjectMapper mapper) {
        this.sqs = sqs;
        this.resources = resources;
        this.config = config;
        this.metrics = metrics;
        this.mapper = mapper;
    }

    public Uni<Void> send(UUID eventId, ConfigChangeNotification notification) {
        if (!config.sqs().enabled()) {
            return Uni.createFrom().voidItem();
        }
        String body;
        try {
            body = mapper.writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom()
                .completionStage(() -> sqs.sendMessage(r -> r.queueUrl(resources.queueUrl())
                        .messageBody(body)
                        .messageGroupId(notification.connectorId().toString())
                        .messageDeduplicationId(eventId.toString())))
                .replaceWithVoid()
                .onItemOrFailure()
                .invoke((ok, failure) -> metrics.target(TARGET, failure == null));
    }
}
