package io.plugsync.api.library.access;

import java.util.Locale;
import java.util.Optional;

/** A role on one library resource, weakest first; ranks match the SQL functions of V6. */
public enum AccessRole {
    VIEWER,
    EDITOR,
    MANAGER;

    public int rank() {
        return ordinal() + 1;
    }

    public boolean atLeast(AccessRole other) {
        return compareTo(other) >= 0;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a rank; empty for 0 (no access). */
    public static Optional<AccessRole> ofRank(int rank) {
        return rank <= 0 ? Optional.empty() : Optional.of(values()[Math.min(rank, 3) - 1]);
    }

    public static Optional<AccessRole> parse(String value) {
        for (AccessRole role : values()) {
            if (role.wire().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
