package io.plugsync.api.connector;

import java.util.UUID;

/** Body of {@code POST /api/connectors}. */
public record CreateConnectorRequest(UUID organizationId, String name, String displayName, String kind) {}
