package io.plugsync.ingest.linking;

import java.time.Instant;

/** Answer of {@code POST /v1/orgs/{orgId}/github/install-links}: where to send the installer, until when. */
public record InstallLink(String url, Instant expiresAt) {}
