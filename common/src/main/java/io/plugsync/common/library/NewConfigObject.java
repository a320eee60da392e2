package io.plugsync.common.library;

import java.util.UUID;

/** A config object to create together with its first version. */
public record NewConfigObject(
        UUID organizationId,
        ObjectType type,
        SourceMode sourceMode,
        UUID connectorInstanceId,
        ConfigSource source,
        VersionAuthor author) {}
