package io.plugsync.ingest.github;

import java.util.List;

/**
 * Files of a commit's tree (paths without a leading slash) with their blob SHAs: every file when
 * read from the tarball, the mapped ones when read through compare. {@code calls}: GitHub requests
 * made to learn them; {@code walked}: some directories were not read.
 */
public record GitTree(String sha, List<Entry> blobs, int calls, boolean walked) {
    public GitTree {
        blobs = List.copyOf(blobs);
    }

    /** One file: its path, git blob SHA (content hash) and size ({@code -1} when unknown). */
    public record Entry(String path, String sha, long size) {}
}
