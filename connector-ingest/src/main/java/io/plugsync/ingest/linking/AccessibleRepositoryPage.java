package io.plugsync.ingest.linking;

import java.util.List;

/** List answer shape {@code {items, next_cursor}}, with how many repositories the installation can access in all. */
public record AccessibleRepositoryPage(List<AccessibleRepository> items, String nextCursor, int totalCount) {}
