package io.plugsync.ingest.linking;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A GitHub App installation linked to an organisation: its connector account and what the
 * installation webhooks reported ({@code installation_status} is null until one arrived).
 */
public record LinkedInstallation(
        UUID connectorAccountId,
        String installationId,
        String accountLogin,
        String accountType,
        String repositorySelection,
        String status,
        String installationStatus,
        OffsetDateTime linkedAt) {}
