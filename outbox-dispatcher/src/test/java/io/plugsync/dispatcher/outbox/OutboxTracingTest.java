package io.plugsync.dispatcher.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The delivery span continues the trace whose context the publish stored with the event. */
class OutboxTracingTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN = "00f067aa0ba902b7";
    private final ObjectMapper json = new ObjectMapper();
    private final OutboxTracing tracing = new OutboxTracing(OpenTelemetry.noop().getTracer("test"));

    private OutboxRecord event(ObjectNode traceContext) {
        return new OutboxRecord(
                UUID.randomUUID(),
                1,
                "connector",
                UUID.randomUUID().toString(),
                "connector.version.published",
                json.createObjectNode(),
                traceContext,
                OffsetDateTime.now(),
                0);
    }

    @Test
    void deliverySpanBelongsToThePublishersTrace() {
        ObjectNode context = json.createObjectNode().put("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN + "-01");
        Span span = tracing.start(event(context));
        assertThat(span.getSpanContext().getTraceId()).isEqualTo(TRACE_ID);
        assertThat(Span.fromContext(OutboxTracing.parentOf(event(context)))
                        .getSpanContext()
                        .getSpanId())
                .isEqualTo(PARENT_SPAN);
        span.end();
    }

    @Test
    void eventsWithoutOrWithBrokenContextStartNewTraces() {
        assertThat(Span.fromContext(OutboxTracing.parentOf(event(json.createObjectNode())))
                        .getSpanContext()
                        .isValid())
                .isFalse();
        ObjectNode broken = json.createObjectNode().put("traceparent", "not-a-traceparent");
        assertThat(Span.fromContext(OutboxTracing.parentOf(event(broken)))
                        .getSpanContext()
                        .isValid())
                .isFalse();
        assertThat(Span.fromContext(OutboxTracing.parentOf(event(null)))
                        .getSpanContext()
                        .isValid())
                .isFalse();
    }

    @Test
    void tracedDeliveryPassesItsResultThrough() {
        assertThat(tracing.traced(
                                event(json.createObjectNode()),
                                () -> io.smallrye.mutiny.Uni.createFrom().item(7))
                        .await()
                        .indefinitely())
                .isEqualTo(7);
    }
}
