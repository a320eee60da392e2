package io.plugsync.dispatcher.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Continues the writer's trace across the outbox: the W3C context that the publish stored in
 * {@code outbox_event.trace_context} becomes the parent of the delivery span, so one trace spans
 * API -> dispatcher -> DynamoDB/SQS. Events delivered together in a run still get one span each,
 * each in its own writer's trace.
 */
@ApplicationScoped
public class OutboxTracing {
    private static final TextMapGetter<JsonNode> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(JsonNode carrier) {
            List<String> keys = new ArrayList<>();
            if (carrier != null) {
                carrier.fieldNames().forEachRemaining(keys::add);
            }
            return keys;
        }

        @Override
        public String get(JsonNode carrier, String key) {
            JsonNode value = carrier == null ? null : carrier.get(key);
            return value == null || !value.isTextual() ? null : value.asText();
        }
    };

    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("plugsync.outbox.outcome");

    private static final AttributeKey<Long> RUN_SIZE = AttributeKey.longKey("plugsync.outbox.run_size");

    private final Tracer tracer;

    public OutboxTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The context stored with the event (the root context when there is none). */
    public static Context parentOf(OutboxRecord event) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), event.traceContext(), GETTER);
    }

    /** Starts the delivery span of {@code event}, child of the writer's span. */
    public Span start(OutboxRecord event) {
        return tracer.spanBuilder("outbox deliver " + event.eventType())
                .setParent(parentOf(event))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "plugsync-outbox")
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("plugsync.aggregate_type", event.aggregateType())
                .setAttribute("plugsync.aggregate_id", event.aggregateId())
                .startSpan();
    }

    /**
     * Runs the delivery of a run with one delivery span per event, each a child of that event's
     * stored context, and ends each span with the event's own outcome: delivered, failed (error
     * status and the exception) or deferred (not attempted in this pass, left in line).
     */
    public Uni<RunResult> tracedRun(List<OutboxRecord> run, Supplier<Uni<RunResult>> delivery) {
        List<Span> spans = new ArrayList<>(run.size());
        run.forEach(event -> spans.add(start(event).setAttribute(RUN_SIZE, (long) run.size())));
        return Uni.createFrom()
                .deferred(delivery::get)
                .onFailure()
                .recoverWithItem(failure -> RunResult.failedAt(0, failure))
                .invoke(result -> {
                    for (int i = 0; i < spans.size(); i++) {
                        Span span = spans.get(i);
                        if (i < result.delivered()) {
                            span.setAttribute(OUTCOME, "delivered");
                        } else if (i == result.delivered() && result.failure() != null) {
                            span.setAttribute(OUTCOME, "failed");
                            span.recordException(result.failure());
                            span.setStatus(
                                    StatusCode.ERROR,
                                    result.failure().getClass().getSimpleName());
                        } else {
                            span.setAttribute(OUTCOME, "deferred");
                        }
                        span.end();
                    }
                });
    }

    /** Runs {@code delivery} inside the event's delivery span, ending it with the outcome. */
    public <T> Uni<T> traced(OutboxRecord event, Supplier<Uni<T>> delivery) {
        Span span = start(event);
        return Uni.createFrom().<T>deferred(delivery::get).onItemOrFailure().invoke((item, failure) -> {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            }
            span.end();
        });
    }
}
