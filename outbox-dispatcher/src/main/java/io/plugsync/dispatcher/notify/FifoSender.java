package io.plugsync.dispatcher.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.dispatcher.config.DispatcherConfig;
import io.plugsync.dispatcher.metrics.DispatcherMetrics;
import io.plugsync.dispatcher.replica.AwsResources;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Sends one JSON message to a FIFO queue with a group and a de-duplication id, counted under the
 * {@code sqs} target; nothing at all while {@code plugsync.dispatcher.sqs.enabled} is off. The
 * notifiers decide what goes where.
 */
@ApplicationScoped
public class FifoSender {
    private static final String TARGET = "sqs";

    private final SqsAsyncClient sqs;
    private final DispatcherConfig config;
    private final DispatcherMetrics metrics;
    private final ObjectMapper mapper;

    public FifoSender(SqsAsyncClient sqs, DispatcherConfig config, DispatcherMetrics metrics, ObjectMapper mapper) {
        this.sqs = sqs;
        this.config = config;
        this.metrics = metrics;
        this.mapper = mapper;
    }

    /**
     * @param queueUrl resolved lazily: only when sending is on
     * @param queueGone called when SQS answers that the queue does not exist
     */
    public Uni<Void> send(Supplier<String> queueUrl, Runnable queueGone, String group, String dedupId, Object body) {
        if (!config.sqs().enabled()) {
            return Uni.createFrom().voidItem();
        }
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom()
                .completionStage(() -> sqs.sendMessage(r -> r.queueUrl(queueUrl.get())
                        .messageBody(json)
                        .messageGroupId(group)
                        .messageDeduplicationId(dedupId)))
                .replaceWithVoid()
                .onItemOrFailure()
                .invoke((ok, failure) -> {
                    metrics.target(TARGET, failure == null);
                    if (failure != null && AwsResources.unwrap(failure) instanceof QueueDoesNotExistException) {
                        queueGone.run();
                    }
                });
    }
}
