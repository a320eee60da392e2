package io.plugsync.common.source;

import java.util.UUID;

/** A GitHub target as the webhook and installation paths see it: which instance, which repository. */
public record TargetRef(UUID targetId, UUID instanceId, String remoteId) {}
