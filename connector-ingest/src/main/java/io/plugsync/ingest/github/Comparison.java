package io.plugsync.ingest.github;

import java.util.List;

/**
 * {@code GET /compare/base...head}: {@code ahead}, {@code behind}, {@code identical} or
 * {@code diverged}, and the changed files. GitHub lists at most {@link #FILE_CAP} files for a
 * comparison and says nothing of the rest, so a list that long may be incomplete.
 */
public record Comparison(String status, int aheadBy, int behindBy, List<ChangedFile> files) {
    public static final int FILE_CAP = 300;

    public Comparison {
        files = List.copyOf(files);
    }

    public int changedFiles() {
        return files.size();
    }

    /** Whether {@link #files} is every change from base to head: head is ahead of (or at) base, list not capped. */
    public boolean complete() {
        return ("ahead".equals(status) || "identical".equals(status)) && behindBy == 0 && files.size() < FILE_CAP;
    }

    /**
     * One changed file: {@code added}, {@code removed}, {@code modified}, {@code renamed}, {@code copied},
     * {@code changed} or {@code unchanged}; {@code sha} is its blob at head, {@code previousPath} the path
     * it was renamed from.
     */
    public record ChangedFile(String path, String status, String sha, String previousPath) {
        public boolean removed() {
            return "removed".equals(status);
        }
    }
}
