package io.plugsync.dispatcher.notify;

import io.plugsync.common.replica.ConfigChangeNotification;
import io.plugsync.dispatcher.replica.AwsResources;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

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
    private final FifoSender sender;
    private final AwsResources resources;

    public ChangeNotifier(FifoSender sender, AwsResources resources) {
        this.sender = sender;
        this.resources = resources;
    }

    public Uni<Void> send(UUID eventId, ConfigChangeNotification notification) {
        return sender.send(
                resources::queueUrl,
                resources::forgetQueue,
                notification.connectorId().toString(),
                eventId.toString(),
                notification);
    }
}
