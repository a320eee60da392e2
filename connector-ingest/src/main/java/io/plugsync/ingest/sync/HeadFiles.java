package io.plugsync.ingest.sync;

import io.plugsync.ingest.github.GitTree;
import java.util.List;
import java.util.Map;

/**
 * What a sync knows of the branch head before it plans. {@code tree}: the files whose blob SHA is
 * known (every file when read from the archive; the mapped files when read through compare);
 * {@code paths}: every file path at head, for {@code connector_target_tree}; {@code contents}: bytes
 * already in hand by blob SHA (the archive's mapped files); {@code via}: {@code archive} or
 * {@code compare}; {@code requests}: GitHub calls made to learn it.
 */
record HeadFiles(
        GitTree tree, List<String> paths, boolean truncated, Map<String, byte[]> contents, String via, int requests) {}
