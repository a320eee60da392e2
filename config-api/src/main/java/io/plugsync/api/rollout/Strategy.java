package io.plugsync.api.rollout;

import java.util.Locale;
import java.util.Optional;

/** How a published version reaches the workers. */
public enum Strategy {
    /** Every worker at once (the behaviour of a publish without a rollout). */
    ALL_AT_ONCE,
    /** A share of the workers (or named groups) first, then every worker. */
    CANARY,
    /** The same share more at every step. */
    LINEAR,
    /** The share doubles at every step. */
    EXPONENTIAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Strategy> parse(String value) {
        for (Strategy s : values()) {
            if (s.wire().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
