package io.plugsync.dispatcher.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.common.delivery.PluginChangeNotification;
import io.plugsync.dispatcher.config.DispatcherConfig;
import io.plugsync.dispatcher.metrics.DispatcherMetrics;
import io.plugsync.dispatcher.replica.AwsResources;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Announces a new delivery of a plugin on the library FIFO queue: group = plugin (order per
 * plugin), de-duplication id = plugin and delivery version (a retried announcement of the same
 * delivery is dropped by SQS). Sent inside the delivering transaction, like {@link ChangeNotifier}.
 */
@ApplicationScoped
public class PluginNotifier {
    private static final String TARGET = "sqs";

    private final SqsAsyncClient sqs;
    private final AwsResources resources;
    private final DispatcherConfig config;
    private final DispatcherMetrics metrics;
    private final ObjectMapper mapper;

    public PluginNotifier(
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

    public Uni<Void> send(PluginChangeNotification notification) {
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
                .completionStage(() -> sqs.sendMessage(r -> r.queueUrl(resources.libraryQueueUrl())
                        .messageBody(body)
                        .messageGroupId(notification.pluginId().toString())
                        .messageDeduplicationId(notification.deduplicationId())))
                .replaceWithVoid()
                .onItemOrFailure()
                .invoke((ok, failure) -> metrics.target(TARGET, failure == null));
    }
}
