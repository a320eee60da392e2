package io.plugsync.api.publish;

import java.time.OffsetDateTime;

/** 201 answer of a publish. */
public record PublishResult(int version, String checksum, OffsetDateTime publishedAt, String publishedBy) {}
