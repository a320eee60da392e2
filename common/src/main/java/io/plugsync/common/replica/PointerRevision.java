package io.plugsync.common.replica;

/**
 * The replica pointer's revision: one number per connector that only ever grows, across plain
 * publishes and rollout steps, so that a conditional write ({@code pointer_revision < :r}) keeps a
 * replayed or reordered move from taking the pointer back.
 *
 * <p>A plain publish of version {@code v} is revision {@code v * 1,000,000}; the {@code n}-th
 * pointer move of the rollout of candidate {@code v} is {@code v * 1,000,000 + n}. A later version
 * always outranks every move of an earlier one's rollout, and the moves of one rollout (its steps,
 * and the rollback, abort or completion that ends it) are ordered by their sequence number.
 */
public final class PointerRevision {
    /** Pointer moves one rollout may make (far above any plan's number of steps). */
    public static final long MOVES_PER_VERSION = 1_000_000L;

    private PointerRevision() {}

    /** The revision of a plain (all at once) publish of {@code version}. */
    public static long plain(int version) {
        return version * MOVES_PER_VERSION;
    }

    /** The revision of the {@code move}-th pointer move (from 1) of the rollout of {@code candidate}. */
    public static long rollout(int candidate, int move) {
        if (move < 1 || move >= MOVES_PER_VERSION) {
            throw new IllegalArgumentException("move must be between 1 and " + (MOVES_PER_VERSION - 1));
        }
        return candidate * MOVES_PER_VERSION + move;
    }
}
