package io.plugsync.ingest.sync;

import java.util.UUID;

/** A connector target as the webhook path sees it. */
public record TargetRef(UUID targetId, UUID instanceId, String remoteId) {}
