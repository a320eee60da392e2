package io.plugsync.dispatcher.library;

import io.plugsync.dispatcher.outbox.OutboxHandler;
import io.plugsync.dispatcher.outbox.OutboxRecord;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/**
 * Library events (config objects, plugins) have no replica to reach yet: workers read connector
 * configs only. Each event is decoded through the contract (a malformed one is parked dead, as any
 * undeliverable event is) and recorded delivered, so library writes do not pile up as dead events.
 * Resolved-plugin delivery replaces these handlers with ones that write the replica.
 */
abstract class RecordedLibraryEvents implements OutboxHandler {
    private static final Logger LOG = Logger.getLogger(RecordedLibraryEvents.class);

    @Override
    public Uni<Void> deliver(OutboxRecord event) {
        return Uni.createFrom()
                .item(event::decode)
                .invoke(payload -> LOG.debugf(
                        "%s for %s %s: nothing to replicate",
                        event.eventType(), event.aggregateType(), event.aggregateId()))
                .replaceWithVoid();
    }
}
