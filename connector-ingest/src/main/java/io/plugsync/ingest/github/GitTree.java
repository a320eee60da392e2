package io.plugsync.ingest.github;

import java.util.List;

/** Every blob of a commit's tree (paths without a leading slash), fetched whole even when GitHub truncates. */
public record GitTree(String sha, List<Entry> blobs, int calls, boolean walked) {
    public GitTree {
        blobs = List.copyOf(blobs);
    }

    /** One file: its path, git blob SHA (content hash) and size. */
    public record Entry(String path, String sha, long size) {}
}
