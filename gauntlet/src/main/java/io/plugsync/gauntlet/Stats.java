package io.plugsync.gauntlet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Every request of the load, counted by endpoint and outcome class; every client-visible error
 * kept with its time, so the report can place it inside or outside a fault window.
 */
final class Stats {
    /** What a caller saw. {@link #isError()} is what a client would call a failure. */
    enum Outcome {
        OK("2xx"),
        EXPECTED_4XX("4xx expected"),
        OTHER_4XX("4xx other"),
        SERVER_ERROR("5xx"),
        IO("io/timeout");

        final String label;

        Outcome(String label) {
            this.label = label;
        }

        boolean isError() {
            return this == OTHER_4XX || this == SERVER_ERROR || this == IO;
        }
    }

    /** A client-visible error: when (run millis), where, what. */
    record Error(long atMillis, String endpoint, Outcome outcome, int status, String detail) {}

    private final Timeline timeline;
    private final Map<String, AtomicLongArray> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLongArray> rerouted = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Error> errors = new ConcurrentLinkedQueue<>();

    Stats(Timeline timeline) {
        this.timeline = timeline;
    }

    Timeline timeline() {
        return timeline;
    }

    static Outcome classify(int status, boolean expected) {
        if (status < 0) {
            return Outcome.IO;
        }
        if (status >= 500) {
            return Outcome.SERVER_ERROR;
        }
        if (status >= 400) {
            return expected ? Outcome.EXPECTED_4XX : Outcome.OTHER_4XX;
        }
        return expected ? Outcome.OK : Outcome.OTHER_4XX;
    }

    /** Records one request; {@code expected} says whether its status was one the caller planned for. */
    void record(String endpoint, int status, boolean expected, String detail) {
        Outcome outcome = classify(status, expected);
        counts.computeIfAbsent(endpoint, k -> new AtomicLongArray(Outcome.values().length))
                .incrementAndGet(outcome.ordinal());
        if (outcome.isError()) {
            errors.add(new Error(timeline.nowMillis(), endpoint, outcome, status, detail));
        }
    }

    /** A connection refused by one replica and sent to the next (what a load balancer does). */
    void rerouted(String endpoint) {
        rerouted.computeIfAbsent(endpoint, k -> new AtomicLongArray(1)).incrementAndGet(0);
    }

    /** Endpoint -> count per {@link Outcome} (ordinal order), sorted by endpoint. */
    Map<String, long[]> counts() {
        Map<String, long[]> out = new TreeMap<>();
        counts.forEach((endpoint, array) -> {
            long[] copy = new long[array.length()];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = array.get(i);
            }
            out.put(endpoint, copy);
        });
        return out;
    }

    long reroutedCount(String endpoint) {
        AtomicLongArray n = rerouted.get(endpoint);
        return n == null ? 0 : n.get(0);
    }

    List<Error> errors() {
        return new ArrayList<>(errors);
    }
}
