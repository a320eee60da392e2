package io.plugsync.dispatcher.notify;

import io.plugsync.common.delivery.PluginChangeNotification;
import io.plugsync.dispatcher.replica.AwsResources;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Announces a new delivery of a plugin on the library FIFO queue: group = plugin (order per
 * plugin), de-duplication id = plugin and delivery version (a retried announcement of the same
 * delivery is dropped by SQS). Sent inside the delivering transaction, like {@link ChangeNotifier}.
 */
@ApplicationScoped
public class PluginNotifier {
    private final FifoSender sender;
    private final AwsResources resources;

    public PluginNotifier(FifoSender sender, AwsResources resources) {
        this.sender = sender;
        this.resources = resources;
    }

    public Uni<Void> send(PluginChangeNotification notification) {
        return sender.send(
                resources::libraryQueueUrl,
                resources::forgetLibraryQueue,
                notification.pluginId().toString(),
                notification.deduplicationId(),
                notification);
    }
}
