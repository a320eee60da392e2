package io.plugsync.common.library;

import java.util.Locale;
import java.util.Optional;

/** How a config object came into the library. */
public enum SourceMode {
    CLOUD,
    IMPORT,
    CONNECTOR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SourceMode> parse(String value) {
        for (SourceMode mode : values()) {
            if (mode.wire().equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
