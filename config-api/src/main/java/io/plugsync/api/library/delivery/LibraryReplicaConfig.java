package io.plugsync.api.library.delivery;

import io.plugsync.common.delivery.LibraryReplicaLayout;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code plugsync.library.replica.*}: where config-api reads delivered plugins and entitlements. */
@ConfigMapping(prefix = "plugsync.library.replica")
public interface LibraryReplicaConfig {
    /** The DynamoDB table the outbox-dispatcher writes ({@link LibraryReplicaLayout}). */
    @WithDefault(LibraryReplicaLayout.DEFAULT_TABLE)
    String table();

    /** Longest wait for one replica read; past it the caller gets a 503 with Retry-After. */
    @WithDefault("5s")
    Duration timeout();
}
