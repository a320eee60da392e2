package io.plugsync.api.governance.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A period in which the replica must not change: publishing is refused with 423 until {@code endsAt}.
 * Start inclusive, end exclusive.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FreezeWindow(OffsetDateTime startsAt, OffsetDateTime endsAt, String reason) {

    public boolean contains(Instant at) {
        return !at.isBefore(startsAt.toInstant()) && at.isBefore(endsAt.toInstant());
    }

    /** The jsonb form stored in {@code freeze_windows}. */
    static String write(List<FreezeWindow> windows) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (FreezeWindow w : windows) {
            ObjectNode item = array.addObject();
            item.put("starts_at", w.startsAt().toString());
            item.put("ends_at", w.endsAt().toString());
            if (w.reason() != null) {
                item.put("reason", w.reason());
            }
        }
        return array.toString();
    }

    /** Parses what {@link #write} stored. */
    static List<FreezeWindow> read(JsonNode array) {
        List<FreezeWindow> windows = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                windows.add(new FreezeWindow(
                        OffsetDateTime.parse(item.path("starts_at").asText()),
                        OffsetDateTime.parse(item.path("ends_at").asText()),
                        item.hasNonNull("reason") ? item.get("reason").asText() : null));
            }
        }
        return List.copyOf(windows);
    }
}
