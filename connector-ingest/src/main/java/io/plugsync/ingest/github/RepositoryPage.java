package io.plugsync.ingest.github;

import java.util.List;

/** One page of {@code GET /installation/repositories}: its repositories and how many there are in all. */
public record RepositoryPage(int totalCount, List<GithubRepository> repositories) {
    public RepositoryPage {
        repositories = List.copyOf(repositories);
    }
}
