package io.plugsync.common.library;

import java.util.Locale;
import java.util.Optional;

/** The kind of a config object; each has its own parsing and projection rules ({@link ConfigParsers}). */
public enum ObjectType {
    SKILL,
    MCP,
    COMMAND,
    AGENT,
    HOOK,
    CONTEXT,
    CUSTOM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ObjectType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ObjectType type : values()) {
            if (type.wire().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
