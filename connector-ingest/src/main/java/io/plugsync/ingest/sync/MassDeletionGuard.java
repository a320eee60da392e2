package io.plugsync.ingest.sync;

/**
 * Holds a sync that would delete too much of a target at once (a force-push of the wrong branch, a
 * moved folder): more than {@code maxShare} of the live objects and at least {@code minObjects}.
 */
public record MassDeletionGuard(double maxShare, int minObjects) {

    public boolean holds(int deletions, int liveObjects) {
        return deletions >= minObjects && liveObjects > 0 && deletions > maxShare * liveObjects;
    }
}
