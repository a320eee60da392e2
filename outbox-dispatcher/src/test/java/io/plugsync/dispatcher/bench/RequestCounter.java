package io.plugsync.dispatcher.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS requests the dispatcher's clients put on the wire (retries included), by
 * "service operation". Registered on the dispatcher's clients by the benchmark's profile only.
 */
public class RequestCounter implements ExecutionInterceptor {
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String key = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        COUNTS.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    /** A copy of the counts so far. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        COUNTS.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Requests of one service (any case) since {@code before}, per operation. */
    public static Map<String, Long> since(Map<String, Long> before, String service) {
        Map<String, Long> out = new TreeMap<>();
        String prefix = service.toLowerCase(java.util.Locale.ROOT) + " ";
        snapshot().forEach((k, v) -> {
            if (k.toLowerCase(java.util.Locale.ROOT).startsWith(prefix)) {
                long delta = v - before.getOrDefault(k, 0L);
                if (delta > 0) {
                    out.put(k.substring(prefix.length()), delta);
                }
            }
        });
        return out;
    }
}
