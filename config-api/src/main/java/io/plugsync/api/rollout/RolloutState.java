package io.plugsync.api.rollout;

import java.util.Locale;

/** Where a rollout is. {@code in_progress} and {@code paused} are open: one per connector at most. */
public enum RolloutState {
    IN_PROGRESS,
    PAUSED,
    COMPLETED,
    ROLLED_BACK,
    ABORTED,
    SUPERSEDED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean open() {
        return this == IN_PROGRESS || this == PAUSED;
    }

    public static RolloutState of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
