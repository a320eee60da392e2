package io.plugsync.common.auth;

import java.util.Locale;
import java.util.Optional;

/** Which kind of writer changed a draft, from the {@code X-PlugSync-Writer} header. */
public enum WriterKind {
    DASHBOARD,
    AGENT,
    MCP,
    SCRIPT,
    API,
    SYSTEM;

    public static final String HEADER = "X-PlugSync-Writer";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a header value; {@code null} or blank means {@link #API}; unknown values are empty. */
    public static Optional<WriterKind> fromHeader(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(API);
        }
        try {
            WriterKind kind = valueOf(value.trim().toUpperCase(Locale.ROOT));
            return kind == SYSTEM ? Optional.empty() : Optional.of(kind);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
