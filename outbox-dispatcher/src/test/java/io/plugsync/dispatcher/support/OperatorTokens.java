package io.plugsync.dispatcher.support;

import io.plugsync.engines.DevTokens;
import io.plugsync.engines.PlugSyncTestEngines;
import java.time.Duration;
import java.util.Map;

/** Tokens for the dispatcher's operator endpoints. */
public final class OperatorTokens {
    private OperatorTokens() {}

    public static String operator() {
        return DevTokens.mintOperator(PlugSyncTestEngines.keys().privateKey(), "ops@example.test", Duration.ofHours(1));
    }

    /** An organisation owner without the operator role. */
    public static String orgOwner() {
        return PlugSyncTestEngines.token(
                "owner@example.test", Map.of(java.util.UUID.randomUUID().toString(), "owner"));
    }
}
