package io.plugsync.api.governance.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Something the people working on a connector must see, e.g. a scheduled publish that failed. */
public record NotificationView(
        UUID id,
        UUID connectorId,
        String kind,
        String message,
        JsonNode detail,
        OffsetDateTime createdAt,
        String dismissedBy,
        OffsetDateTime dismissedAt) {

    public static final String SCHEDULED_PUBLISH_FAILED = "scheduled_publish_failed";
}
