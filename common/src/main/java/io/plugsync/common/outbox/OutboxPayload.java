package io.plugsync.common.outbox;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The payload of an outbox event: a small pointer to a change (ids, version, checksum), never a
 * whole document. One record per {@link EventType}; the set is closed, so every event any service
 * writes is one the dispatcher can be checked to handle ({@link OutboxContract#ALL}).
 */
public sealed interface OutboxPayload
        permits ConnectorVersionPublished,
                ConnectorRolloutMoved,
                ConfigObjectVersionCreated,
                ConfigObjectChanged,
                PluginChanged,
                PluginMembershipChanged,
                PluginReleaseCreated,
                PluginGrantChanged,
                TeamChanged,
                TeamMembershipChanged {

    /** The event type this payload is written as. */
    @JsonIgnore
    EventType<?> eventType();

    /** The aggregate instance (delivery is ordered per aggregate). */
    @JsonIgnore
    String aggregateId();
}
