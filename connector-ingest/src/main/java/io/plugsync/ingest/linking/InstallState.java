package io.plugsync.ingest.linking;

import java.time.Instant;
import java.util.UUID;

/** What an install link's signed {@code state} carries: for which organisation, asked by whom, until when. */
public record InstallState(UUID organizationId, String subject, Instant expiresAt, String nonce) {}
