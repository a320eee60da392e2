package io.plugsync.dispatcher.library;

import io.plugsync.common.outbox.EventType;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.dispatcher.config.DispatcherConfig;
import io.plugsync.dispatcher.replica.AwsResources;
import jakarta.inject.Singleton;
import java.util.Set;

/** The {@code plugin} aggregate's events: the plugin itself, its memberships, releases and grants. */
@Singleton
public class PluginEvents extends LibraryEventHandler {
    public PluginEvents(
            LibraryTargets targets, LibraryDelivery delivery, AwsResources resources, DispatcherConfig config) {
        super(targets, delivery, resources, config);
    }

    @Override
    public Set<EventType<?>> eventTypes() {
        return Set.of(
                OutboxContract.PLUGIN_CHANGED,
                OutboxContract.PLUGIN_MEMBERSHIP_CHANGED,
                OutboxContract.PLUGIN_RELEASE_CREATED,
                OutboxContract.PLUGIN_GRANT_CHANGED);
    }
}
