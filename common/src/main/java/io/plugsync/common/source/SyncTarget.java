package io.plugsync.common.source;

import java.util.UUID;

/**
 * Everything a sync needs to know about its target: the repository, branch and installation, and
 * whether it may sync at all (target, instance and account all active).
 */
public record SyncTarget(
        UUID targetId,
        UUID instanceId,
        UUID organizationId,
        String repository,
        String branch,
        String installationId,
        String lastSyncedRevision,
        boolean syncable) {

    public String owner() {
        return repository.substring(0, repository.indexOf('/'));
    }

    public String name() {
        return repository.substring(repository.indexOf('/') + 1);
    }
}
