package io.plugsync.ingest.github;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** The GitHub App this service acts as, and how it talks to the GitHub API. */
@ConfigMapping(prefix = "plugsync.github")
public interface GithubConfig {
    /** Shared secret of the App's webhook; without it the receiver answers 503. */
    Optional<String> webhookSecret();

    /** REST API base URL: github.com, a GitHub Enterprise server ({@code https://host/api/v3}) or a fake. */
    @WithDefault("https://api.github.com")
    String apiUrl();

    /**
     * Web base URL: install pages and the OAuth code exchange ({@code https://github.com}, or a
     * GitHub Enterprise server's {@code https://host}, or a fake).
     */
    @WithDefault("https://github.com")
    String webUrl();

    /** The App's URL name ({@code github.com/apps/<slug>}); install links need it. */
    Optional<String> appSlug();

    /** The App's OAuth client id: the setup callback exchanges GitHub's {@code code} with it. */
    Optional<String> clientId();

    /** The App's OAuth client secret (a secret: environment or Kubernetes Secret, never committed). */
    Optional<String> clientSecret();

    /** The App id (the JWT issuer). */
    Optional<String> appId();

    /** The App private key, PEM (PKCS#1 as GitHub issues it, or PKCS#8). */
    Optional<String> privateKey();

    /**
     * Organisation that {@code installation.created} records the connector account in when no
     * account for the installation exists yet (single-organisation deployments); unset: the
     * installation is only remembered until an organisation claims it.
     */
    Optional<UUID> defaultOrganizationId();

    @WithDefault("PT20S")
    Duration requestTimeout();

    Retry retry();

    /** Retries on 429, 5xx and rate limits: jittered exponential backoff, capped. */
    interface Retry {
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("PT1S")
        Duration baseDelay();

        /** Longest wait between two attempts. */
        @WithDefault("PT15M")
        Duration maxDelay();

        /**
         * Waits up to this long happen inside the call; a longer wait (e.g. an exhausted rate limit)
         * fails the call with the wait, and the sync is re-queued for then instead of holding a worker.
         */
        @WithDefault("PT30S")
        Duration maxInlineWait();
    }
}
