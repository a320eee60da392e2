package io.plugsync.api.org;

import java.util.Locale;
import java.util.Optional;

/** Organisation policy for AI agents publishing connector configs: a person publishes unless allowed. */
public enum AgentPublish {
    NEVER,
    ALLOWED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AgentPublish> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (AgentPublish policy : values()) {
            if (policy.wire().equals(value)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
