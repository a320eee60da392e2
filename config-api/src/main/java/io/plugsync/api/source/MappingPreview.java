package io.plugsync.api.source;

import io.plugsync.common.http.Cursor;
import io.plugsync.common.source.PathSelector;
import io.plugsync.common.source.SyncedTree;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Which paths of the tree a target last synced a selector matches, by the sync's own rule ({@link
 * PathSelector}): {@code matched_count} of {@code tree_path_count}, one page of them in path order
 * ({@code next_cursor} for the next), and the revision and capture time of that tree. {@code
 * tree_truncated}: GitHub returned only part of the tree, so more paths may match.
 */
public record MappingPreview(
        UUID connectorTargetId,
        UUID connectorMappingId,
        String selector,
        String sourceRevisionRef,
        OffsetDateTime capturedAt,
        boolean treeTruncated,
        int treePathCount,
        int matchedCount,
        List<String> paths,
        String nextCursor) {

    /** The page after {@code cursor} (null: the first) of at most {@code limit} matching paths. */
    static MappingPreview of(UUID mappingId, String selector, SyncedTree tree, String cursor, int limit) {
        String after = cursor == null || cursor.isEmpty()
                ? null
                : Cursor.decode(cursor, 1).get(0);
        List<String> matched = PathSelector.of(selector).select(tree.paths()).stream()
                .sorted()
                .distinct()
                .toList();
        List<String> rest = after == null
                ? matched
                : matched.stream().filter(path -> path.compareTo(after) > 0).toList();
        List<String> page = rest.size() > limit ? rest.subList(0, limit) : rest;
        String next = rest.size() > limit ? Cursor.encode(page.get(limit - 1)) : null;
        return new MappingPreview(
                tree.connectorTargetId(),
                mappingId,
                selector,
                tree.sourceRevisionRef(),
                tree.capturedAt(),
                tree.truncated(),
                tree.paths().size(),
                matched.size(),
                List.copyOf(page),
                next);
    }
}
