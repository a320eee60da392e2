package io.plugsync.ingest.installation;

import java.util.List;
import java.util.UUID;

/** What an installation/repository event changed: {@code applied} or {@code ignored}, and resyncs queued. */
public record InstallationResult(String outcome, List<UUID> syncEventIds) {
    public InstallationResult {
        syncEventIds = List.copyOf(syncEventIds);
    }

    static InstallationResult ignored() {
        return new InstallationResult("ignored", List.of());
    }

    static InstallationResult applied() {
        return new InstallationResult("applied", List.of());
    }
}
