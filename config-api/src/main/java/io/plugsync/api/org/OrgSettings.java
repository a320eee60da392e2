package io.plugsync.api.org;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The settings of an organisation that its admins may change. */
public record OrgSettings(UUID organizationId, String agentPublish, OffsetDateTime updatedAt) {}
