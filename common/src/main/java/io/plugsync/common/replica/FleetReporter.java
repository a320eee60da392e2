package io.plugsync.common.replica;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker side of the fleet view and of automatic rollback: counts the events a worker handles
 * and the errors among them, and reports them with the version it runs to config-api ({@code POST
 * /api/connectors/{id}/fleet/reports}) with the worker's credentials. Counts that could not be
 * sent (config-api busy, rate-limited, unreachable) are kept and go with the next report, so
 * nothing is counted twice or lost while the process lives. Counts stay with the version that
 * produced them: after {@link #applied} names a new version, the next report carries what was
 * counted under the previous one, the report after it the new version's.
 *
 * <pre>{@code
 * FleetReporter reporter = new FleetReporter(http, configApiUrl, workerToken, connectorId, workerId, null);
 * reporter.applied(config.version());            // after applying what DynamoConfigStore answered
 * reporter.record(1, failed ? 1 : 0);            // per event handled
 * reporter.start(scheduler, Duration.ofSeconds(10));
 * }</pre>
 */
public final class FleetReporter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI endpoint;
    private final String token;
    private final String workerId;
    private final String group;
    private final AtomicInteger version = new AtomicInteger();
    /** Counts not sent yet, per version they were recorded under (oldest first): events, errors. */
    private final Map<Integer, long[]> pending = new LinkedHashMap<>();

    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile ScheduledFuture<?> schedule;

    /** What one {@link #flush()} did. */
    public enum Outcome {
        /** config-api stored the report. */
        SENT,
        /** Too soon after the previous report (429); the counts wait for the next one. */
        RATE_LIMITED,
        /** Another flush is in flight; nothing sent. */
        BUSY,
        /** config-api refused or could not be reached; the counts wait for the next report. */
        FAILED
    }

    /**
     * @param configApi config-api's base URL
     * @param token a worker token for this connector (claim {@code plugsync_worker})
     * @param group the worker's group, or null
     */
    public FleetReporter(
            HttpClient http, URI configApi, String token, UUID connectorId, String workerId, String group) {
        this.http = Objects.requireNonNull(http, "http");
        this.token = Objects.requireNonNull(token, "token");
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.group = group;
        String base = configApi.toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/api/connectors/" + connectorId + "/fleet/reports");
    }

    /** The worker now runs {@code appliedVersion}. */
    public void applied(int appliedVersion) {
        version.set(appliedVersion);
    }

    /** Counts handled events and, of them, failed ones. */
    public void record(long handled, long failed) {
        if (handled < 0 || failed < 0 || failed > handled) {
            throw new IllegalArgumentException("need 0 <= failed <= handled");
        }
        synchronized (pending) {
            long[] counts = pending.computeIfAbsent(version.get(), v -> new long[2]);
            counts[0] += handled;
            counts[1] += failed;
        }
    }

    /**
     * Sends one report: the counts of the oldest version that has some (the version applied now, with
     * no counts, when nothing is pending).
     */
    public CompletionStage<Outcome> flush() {
        if (!sending.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(Outcome.BUSY);
        }
        int v;
        long e;
        long f;
        synchronized (pending) {
            var oldest = pending.entrySet().stream().findFirst();
            if (oldest.isPresent()) {
                v = oldest.get().getKey();
                e = oldest.get().getValue()[0];
                f = oldest.get().getValue()[1];
                pending.remove(v);
            } else {
                v = version.get();
                e = 0;
                f = 0;
            }
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(new FleetReport(workerId, group, v, e, f))))
                    .build();
        } catch (JsonProcessingException ex) {
            giveBack(v, e, f);
            sending.set(false);
            throw new IllegalStateException(ex);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            Outcome outcome;
            if (failure != null) {
                outcome = Outcome.FAILED;
            } else if (response.statusCode() / 100 == 2) {
                outcome = Outcome.SENT;
            } else if (response.statusCode() == 429) {
                outcome = Outcome.RATE_LIMITED;
            } else {
                outcome = Outcome.FAILED;
            }
            if (outcome != Outcome.SENT) {
                giveBack(v, e, f);
            }
            sending.set(false);
            return outcome;
        });
    }

    /** Reports every {@code interval} on {@code scheduler} until {@link #close()}. */
    public void start(ScheduledExecutorService scheduler, Duration interval) {
        long millis = interval.toMillis();
        schedule = scheduler.scheduleWithFixedDelay(() -> flush(), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the periodic reports (counts not sent yet stay unsent). */
    @Override
    public void close() {
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(false);
        }
    }

    /** Counts of a report that did not go out, back in front of the line. */
    private void giveBack(int v, long e, long f) {
        if (e == 0 && f == 0) {
            return;
        }
        synchronized (pending) {
            Map<Integer, long[]> rest = new LinkedHashMap<>(pending);
            pending.clear();
            long[] counts = rest.remove(v);
            pending.put(v, new long[] {e + (counts == null ? 0 : counts[0]), f + (counts == null ? 0 : counts[1])});
            pending.putAll(rest);
        }
    }
}
