package io.plugsync.dispatcher.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.plugsync.common.outbox.OutboxContract;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
                OutboxContract.CONNECTOR,
                UUID.randomUUID().toString(),
                OutboxContract.CONNECTOR_VERSION_PUBLISHED.name(),
                1,
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
    void eachEventOfARunGetsItsOwnSpanInItsWritersTraceWithItsOwnOutcome() {
        List<SpanData> ended = new CopyOnWriteArrayList<>();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                    @Override
                    public CompletableResultCode export(Collection<SpanData> spans) {
                        ended.addAll(spans);
                        return CompletableResultCode.ofSuccess();
                    }

                    @Override
                    public CompletableResultCode flush() {
                        return CompletableResultCode.ofSuccess();
                    }

                    @Override
                    public CompletableResultCode shutdown() {
                        return CompletableResultCode.ofSuccess();
                    }
                }))
                .build();
        OutboxTracing sdkTracing = new OutboxTracing(provider.get("test"));
        List<String> traces = List.of(
                "4bf92f3577b34da6a3ce929d0e0e4731",
                "4bf92f3577b34da6a3ce929d0e0e4732",
                "4bf92f3577b34da6a3ce929d0e0e4733",
                "4bf92f3577b34da6a3ce929d0e0e4734");
        List<OutboxRecord> run = traces.stream()
                .map(trace ->
                        event(json.createObjectNode().put("traceparent", "00-" + trace + "-" + PARENT_SPAN + "-01")))
                .toList();

        RunResult result = sdkTracing
                .tracedRun(run, () -> Uni.createFrom().item(RunResult.failedAt(2, new IllegalStateException("boom"))))
                .await()
                .indefinitely();

        assertThat(result.delivered()).isEqualTo(2);
        assertThat(ended).hasSize(4);
        for (int i = 0; i < run.size(); i++) {
            String id = run.get(i).id().toString();
            SpanData span = ended.stream()
                    .filter(s -> id.equals(s.getAttributes().get(AttributeKey.stringKey("messaging.message.id"))))
                    .findFirst()
                    .orElseThrow();
            assertThat(span.getTraceId()).isEqualTo(traces.get(i));
            assertThat(span.getParentSpanId()).isEqualTo(PARENT_SPAN);
            String outcome = span.getAttributes().get(AttributeKey.stringKey("plugsync.outbox.outcome"));
            assertThat(outcome).isEqualTo(i < 2 ? "delivered" : i == 2 ? "failed" : "deferred");
            assertThat(span.getStatus().getStatusCode()).isEqualTo(i == 2 ? StatusCode.ERROR : StatusCode.UNSET);
        }
        provider.close();
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
