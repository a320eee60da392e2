package io.plugsync.common.replica;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The worker side of the fleet view and of automatic rollback: counts the events a worker handles
 * and the errors among them, and reports them with the version it runs to config-api ({@code POST
 * /api/connectors/{id}/fleet/reports}) with the worker's credentials. Counts that could not be
 * sent (config-api busy, rate-limited, unreachable) are kept and go with the next report, so
 * nothing is counted twice or lost while the process lives.
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
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
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
        events.addAndGet(handled);
        errors.addAndGet(failed);
    }

    /** Sends one report with the counts since the last one sent. */
    public CompletionStage<Outcome> flush() {
        if (!sending.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(Outcome.BUSY);
        }
        long sentEvents = events.getAndSet(0);
        long sentErrors = errors.getAndSet(0);
        // errors and events are taken one after the other: keep the report consistent
        if (sentErrors > sentEvents) {
            events.addAndGet(sentEvents);
            errors.addAndGet(sentErrors);
            sentEvents = 0;
            sentErrors = 0;
        }
        long e = sentEvents;
        long f = sentErrors;
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(new FleetReport(workerId, group, version.get(), e, f))))
                    .build();
        } catch (JsonProcessingException ex) {
            giveBack(e, f);
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
                giveBack(e, f);
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

    private void giveBack(long e, long f) {
        events.addAndGet(e);
        errors.addAndGet(f);
    }
}
