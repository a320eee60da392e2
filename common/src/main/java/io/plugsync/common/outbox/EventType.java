package io.plugsync.common.outbox;

/**
 * One kind of outbox event: the aggregate it belongs to (which selects the dispatcher's handler
 * and orders delivery), its name in {@code outbox_event.event_type}, the schema version of its
 * payload ({@code outbox_event.schema_version}) and the record its payload decodes to.
 *
 * @param aggregateType what changed; events of one aggregate instance are delivered in order
 * @param name what happened, as stored in {@code event_type}
 * @param schemaVersion bumped when the payload changes incompatibly; a dispatcher never decodes a
 *     newer version than it knows (it retries until a newer dispatcher takes the event)
 * @param payloadType the payload record
 */
public record EventType<P extends OutboxPayload>(
        String aggregateType, String name, int schemaVersion, Class<P> payloadType) {}
