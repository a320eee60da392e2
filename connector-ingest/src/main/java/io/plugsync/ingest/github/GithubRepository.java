package io.plugsync.ingest.github;

/** A repository as an installation sees it. */
public record GithubRepository(long id, String fullName, String defaultBranch, boolean isPrivate, boolean archived) {}
