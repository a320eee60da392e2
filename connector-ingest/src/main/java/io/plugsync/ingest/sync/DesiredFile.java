package io.plugsync.ingest.sync;

/** A file at the branch head that some mapping selects. */
public record DesiredFile(String path, String blobSha, MappingRule mapping) {}
