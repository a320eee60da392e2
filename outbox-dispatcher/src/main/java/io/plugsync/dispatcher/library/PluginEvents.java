package io.plugsync.dispatcher.library;

import io.plugsync.common.outbox.EventType;
import io.plugsync.common.outbox.OutboxContract;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** The {@code plugin} aggregate's events: membership changes and releases. */
@ApplicationScoped
public class PluginEvents extends RecordedLibraryEvents {
    @Override
    public Set<EventType<?>> eventTypes() {
        return Set.of(OutboxContract.PLUGIN_MEMBERSHIP_CHANGED, OutboxContract.PLUGIN_RELEASE_CREATED);
    }
}
