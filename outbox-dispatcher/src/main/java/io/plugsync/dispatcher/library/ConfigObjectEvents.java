package io.plugsync.dispatcher.library;

import io.plugsync.common.outbox.EventType;
import io.plugsync.common.outbox.OutboxContract;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** The {@code config_object} aggregate's events. */
@ApplicationScoped
public class ConfigObjectEvents extends RecordedLibraryEvents {
    @Override
    public Set<EventType<?>> eventTypes() {
        return Set.of(OutboxContract.CONFIG_OBJECT_VERSION_CREATED);
    }
}
