package io.plugsync.ingest.github;

/** An App installation as {@code GET /user/installations} lists it for the installing user. */
public record UserInstallation(String id, String accountLogin, String accountType, String repositorySelection) {}
