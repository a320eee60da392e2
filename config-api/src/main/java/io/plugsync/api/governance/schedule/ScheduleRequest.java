package io.plugsync.api.governance.schedule;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Body of {@code POST /api/connectors/{id}/scheduled-publishes}: publish the draft as it is now on
 * {@code base_version} at {@code publish_at}; {@code review_id} (optional) names the review the
 * caller means, which must be the open review of exactly this draft.
 */
public record ScheduleRequest(OffsetDateTime publishAt, Integer baseVersion, String message, UUID reviewId) {}
