package io.plugsync.gauntlet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What clients were told, kept for the verification against the sources of truth: acknowledged
 * publishes, compare-and-set races, webhook deliveries (accepted, replayed, forged) and library
 * writes.
 */
final class Ledger {
    /** A 201 publish: the version and checksum the client was given. */
    record Ack(UUID connectorId, int version, String checksum, long atMillis) {}

    /** Several publishers on one base version; {@code unknown} answers were neither 201 nor 409. */
    record Race(UUID connectorId, int baseVersion, int racers, int winners, int conflicts, int unknown) {}

    /** A real delivery; accepted once GitHub would consider it delivered (202, or 200 duplicate on a redelivery). */
    static final class Delivery {
        final String id;
        final int target;
        final String after;
        final byte[] body;
        volatile boolean accepted;
        volatile int attempts;

        Delivery(String id, int target, String after, byte[] body) {
            this.id = id;
            this.target = target;
            this.after = after;
            this.body = body;
        }
    }

    /** A delivery with a signature that does not match its body; it must change nothing. */
    record Forged(String deliveryId, String after, String kind) {}

    /** A library write the API acknowledged: an object version (or plugin / grant) id. */
    record LibraryWrite(String kind, UUID id) {}

    final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Race> races = new ConcurrentLinkedQueue<>();
    final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Forged> forged = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<LibraryWrite> library = new ConcurrentLinkedQueue<>();
    final AtomicLong replays = new AtomicLong();
    final AtomicLong replaysAnsweredDuplicate = new AtomicLong();
    final AtomicLong forgedRejected = new AtomicLong();

    List<Ack> acks() {
        return new ArrayList<>(acks);
    }

    List<Delivery> accepted() {
        return deliveries.values().stream().filter(d -> d.accepted).toList();
    }
}
