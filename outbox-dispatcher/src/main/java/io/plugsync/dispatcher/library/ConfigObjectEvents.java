package io.plugsync.dispatcher.library;

import io.plugsync.common.outbox.EventType;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.dispatcher.config.DispatcherConfig;
import io.plugsync.dispatcher.replica.AwsResources;
import jakarta.inject.Singleton;
import java.util.Set;

/** The {@code config_object} aggregate's events: new versions and status changes re-deliver its plugins. */
@Singleton
public class ConfigObjectEvents extends LibraryEventHandler {
    public ConfigObjectEvents(
            LibraryTargets targets, LibraryDelivery delivery, AwsResources resources, DispatcherConfig config) {
        super(targets, delivery, resources, config);
    }

    @Override
    public Set<EventType<?>> eventTypes() {
        return Set.of(OutboxContract.CONFIG_OBJECT_VERSION_CREATED, OutboxContract.CONFIG_OBJECT_CHANGED);
    }
}
