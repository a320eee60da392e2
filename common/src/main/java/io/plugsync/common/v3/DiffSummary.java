package io.plugsync.common.v3;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What changed between two V3 documents, per section, by key: what a "Review changes" screen, the
 * CLI and the MCP server render. Settings are summarised by their top-level keys.
 */
public record DiffSummary(
        @JsonProperty("entities") Section entities,
        @JsonProperty("event_flows") Section eventFlows,
        @JsonProperty("settings") Section settings) {

    /** Keys of one section that were added, removed or changed, each sorted. */
    public record Section(
            @JsonProperty("added") List<String> added,
            @JsonProperty("removed") List<String> removed,
            @JsonProperty("changed") List<String> changed) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    public static DiffSummary of(JsonNode from, JsonNode to) {
        return new DiffSummary(
                section(from.path(V3Document.ENTITIES), to.path(V3Document.ENTITIES)),
                section(from.path(V3Document.EVENT_FLOWS), to.path(V3Document.EVENT_FLOWS)),
                section(from.path(V3Document.SETTINGS), to.path(V3Document.SETTINGS)));
    }

    public boolean isEmpty() {
        return entities.isEmpty() && eventFlows.isEmpty() && settings.isEmpty();
    }

    private static Section section(JsonNode from, JsonNode to) {
        TreeSet<String> keys = new TreeSet<>();
        if (from.isObject()) {
            from.fieldNames().forEachRemaining(keys::add);
        }
        if (to.isObject()) {
            to.fieldNames().forEachRemaining(keys::add);
        }
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (String key : keys) {
            JsonNode before = from.isObject() ? from.get(key) : null;
            JsonNode after = to.isObject() ? to.get(key) : null;
            if (before == null) {
                added.add(key);
            } else if (after == null) {
                removed.add(key);
            } else if (!V3Document.sameContent(before, after)) {
                changed.add(key);
            }
        }
        return new Section(List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
    }
}
