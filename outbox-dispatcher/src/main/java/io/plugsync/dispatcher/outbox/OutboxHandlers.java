package io.plugsync.dispatcher.outbox;

import io.plugsync.common.outbox.EventType;
import io.plugsync.common.outbox.OutboxContract;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The handler of each aggregate type, checked against the outbox contract when the dispatcher
 * starts: every event type of {@link OutboxContract#ALL} has exactly one handler, and one handler
 * serves each aggregate type (so per-aggregate order holds). A gap fails start-up instead of
 * parking every such event dead in production.
 */
@Startup
@ApplicationScoped
public class OutboxHandlers {
    private final Map<String, OutboxHandler> byAggregateType;

    public OutboxHandlers(@Any Instance<OutboxHandler> handlers) {
        List<OutboxHandler> all = new ArrayList<>();
        handlers.forEach(all::add);
        this.byAggregateType = index(all);
    }

    /**
     * Indexes handlers by aggregate type.
     *
     * @throws IllegalStateException when an event type of the contract has no handler or two, or a
     *     handler spans aggregate types, or two handlers share one
     */
    static Map<String, OutboxHandler> index(List<OutboxHandler> handlers) {
        Map<String, OutboxHandler> byAggregate = new HashMap<>();
        Map<EventType<?>, OutboxHandler> byEvent = new HashMap<>();
        for (OutboxHandler handler : handlers) {
            String name = handler.getClass().getSimpleName();
            for (EventType<?> type : handler.eventTypes()) {
                OutboxHandler sameAggregate = byAggregate.putIfAbsent(type.aggregateType(), handler);
                if (sameAggregate != null && sameAggregate != handler) {
                    throw new IllegalStateException("aggregate type '" + type.aggregateType() + "' has two handlers: "
                            + sameAggregate.getClass().getSimpleName() + " and " + name);
                }
                if (byEvent.put(type, handler) != null) {
                    throw new IllegalStateException("event type '" + type.name() + "' is handled twice by " + name);
                }
            }
        }
        List<String> unhandled = OutboxContract.ALL.stream()
                .filter(type -> !byEvent.containsKey(type))
                .map(EventType::name)
                .toList();
        if (!unhandled.isEmpty()) {
            throw new IllegalStateException("no outbox handler for event types " + unhandled
                    + ": the dispatcher would park every such event dead");
        }
        return Map.copyOf(byAggregate);
    }

    public Optional<OutboxHandler> forAggregateType(String aggregateType) {
        return Optional.ofNullable(byAggregateType.get(aggregateType));
    }

    /** Every handler's prerequisites (tables, queues), before a drain pass claims anything. */
    public Uni<Void> ready() {
        List<Uni<Void>> all = byAggregateType.values().stream()
                .distinct()
                .map(OutboxHandler::ready)
                .toList();
        return Uni.join().all(all).andFailFast().replaceWithVoid();
    }
}
