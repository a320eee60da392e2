package io.plugsync.common.outbox;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Locale;

/** What happened to a relation (a grant, a team membership): it now holds, or it no longer does. */
@RegisterForReflection
public enum ChangeKind {
    ADDED,
    REMOVED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ChangeKind parse(String wire) {
        for (ChangeKind kind : values()) {
            if (kind.wire().equals(wire)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown change '" + wire + "' (added or removed)");
    }
}
