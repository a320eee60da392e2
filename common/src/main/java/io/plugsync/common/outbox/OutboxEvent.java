package io.plugsync.common.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A row of the transactional outbox, written in the same transaction as the change it describes
 * and delivered at least once by the outbox-dispatcher to the handler of its aggregate type.
 *
 * @param aggregateType what changed ({@link AggregateTypes}); selects the dispatcher's handler
 * @param aggregateId the instance; events of one aggregate are delivered in order
 * @param eventType what happened ({@link EventTypes})
 * @param payload small JSON pointer to the change (ids, version, checksum), never a whole document
 * @param traceContext W3C trace context ({@code traceparent}, {@code tracestate}) of the writer
 */
public record OutboxEvent(
        String aggregateType,
        String aggregateId,
        String eventType,
        JsonNode payload,
        Map<String, String> traceContext) {

    public OutboxEvent {
        traceContext = traceContext == null ? Map.of() : Map.copyOf(traceContext);
    }

    /** Aggregate types that have a dispatcher handler. */
    public static final class AggregateTypes {
        public static final String CONNECTOR = "connector";
        public static final String CONFIG_OBJECT = "config_object";
        public static final String PLUGIN = "plugin";

        private AggregateTypes() {}
    }

    /** Event types. */
    public static final class EventTypes {
        public static final String CONNECTOR_VERSION_PUBLISHED = "connector.version.published";
        public static final String CONFIG_OBJECT_VERSION_CREATED = "config_object.version.created";
        public static final String PLUGIN_MEMBERSHIP_CHANGED = "plugin.membership.changed";
        public static final String PLUGIN_RELEASE_CREATED = "plugin.release.created";

        private EventTypes() {}
    }
}
