package io.plugsync.ingest.github;

import java.util.List;
import java.util.Map;

/**
 * A repository at one commit read from its tarball: every regular file (path without the
 * archive's top-level directory, git blob SHA, size) and the content of the files the caller kept,
 * by blob SHA. {@code requests}: GitHub calls the download took (the API call and its redirect).
 */
public record RepositoryArchive(List<GitTree.Entry> blobs, Map<String, byte[]> contents, int requests) {
    public RepositoryArchive {
        blobs = List.copyOf(blobs);
        contents = Map.copyOf(contents);
    }
}
