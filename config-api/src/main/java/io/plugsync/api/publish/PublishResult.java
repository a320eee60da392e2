package io.plugsync.api.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plugsync.api.rollout.RolloutSummary;
import java.time.OffsetDateTime;

/** 201 answer of a publish; {@code rollout} when the version is rolled out in steps. */
public record PublishResult(
        int version,
        String checksum,
        OffsetDateTime publishedAt,
        String publishedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) RolloutSummary rollout) {

    public PublishResult(int version, String checksum, OffsetDateTime publishedAt, String publishedBy) {
        this(version, checksum, publishedAt, publishedBy, null);
    }
}
