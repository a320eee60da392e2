package io.plugsync.ingest.linking;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.plugsync.ingest.github.GithubRepository;

/** A repository an installation can access, as the setup UI lists it. */
public record AccessibleRepository(
        long id,
        String fullName,
        String defaultBranch,
        @JsonProperty("private") boolean isPrivate,
        boolean archived) {

    static AccessibleRepository of(GithubRepository r) {
        return new AccessibleRepository(r.id(), r.fullName(), r.defaultBranch(), r.isPrivate(), r.archived());
    }
}
