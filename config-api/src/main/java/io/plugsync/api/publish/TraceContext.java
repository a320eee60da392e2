package io.plugsync.api.publish;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Map;

/** W3C trace context of the current span, stored with the outbox event so one trace spans API -> dispatcher. */
public final class TraceContext {
    private TraceContext() {}

    /** {@code {"traceparent": ...}} of the current span, or empty when there is none. */
    public static Map<String, String> current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return Map.of();
        }
        String traceparent = "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
        return Map.of("traceparent", traceparent);
    }
}
