package io.plugsync.ingest.linking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Linking GitHub App installations to organisations (install links and the setup callback). The
 * App itself (slug, OAuth client id and secret) is in {@code GithubConfig}.
 */
@ConfigMapping(prefix = "plugsync.github.linking")
public interface LinkingConfig {
    /**
     * HMAC-SHA256 key signing install-link states, at least 32 characters (a secret: environment or
     * Kubernetes Secret). Unset: install links and the setup callback answer 503.
     */
    Optional<String> stateSecret();

    /** How long an install link stays valid. */
    @WithDefault("PT15M")
    Duration stateTtl();

    /**
     * Where the setup callback sends the installer's browser afterwards (303, with {@code status},
     * {@code organization_id} and {@code installation_id} added to the query). Unset, or a client
     * that does not accept text/html: it answers JSON.
     */
    Optional<String> dashboardUrl();
}
