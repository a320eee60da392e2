package io.plugsync.ingest.sync;

import java.util.UUID;

/** An active source binding: which object a repository path feeds, and the blob SHA last ingested. */
public record Binding(UUID id, UUID objectId, String path, String blobSha, UUID mappingId, String objectStatus) {}
