package io.plugsync.ingest.github;

/** The commit a branch points at and that commit's root tree. */
public record BranchHead(String commitSha, String treeSha) {}
