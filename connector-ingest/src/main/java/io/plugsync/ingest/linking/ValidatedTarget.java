package io.plugsync.ingest.linking;

/**
 * A repository branch the installation can sync: what a target for it records (the repository id
 * survives renames) and the commit its first sync will read.
 */
public record ValidatedTarget(
        String installationId,
        long repositoryId,
        String repositoryFullName,
        String defaultBranch,
        String branch,
        String headCommitSha) {}
