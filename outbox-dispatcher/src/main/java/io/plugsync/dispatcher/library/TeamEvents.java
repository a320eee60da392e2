package io.plugsync.dispatcher.library;

import io.plugsync.common.outbox.EventType;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.dispatcher.config.DispatcherConfig;
import io.plugsync.dispatcher.replica.AwsResources;
import jakarta.inject.Singleton;
import java.util.Set;

/** The {@code team} aggregate's events: a team's entitlement item and its members' team lists. */
@Singleton
public class TeamEvents extends LibraryEventHandler {
    public TeamEvents(
            LibraryTargets targets, LibraryDelivery delivery, AwsResources resources, DispatcherConfig config) {
        super(targets, delivery, resources, config);
    }

    @Override
    public Set<EventType<?>> eventTypes() {
        return Set.of(OutboxContract.TEAM_CHANGED, OutboxContract.TEAM_MEMBERSHIP_CHANGED);
    }
}
