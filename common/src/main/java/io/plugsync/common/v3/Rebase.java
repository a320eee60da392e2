package io.plugsync.common.v3;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Three-way merge of JSON documents for rebasing a draft: {@code ancestor} is the version the draft
 * started from, {@code draft} the caller's edits, {@code active} what others published since.
 * Objects merge member by member; a member changed on one side only takes that side; a member
 * changed on both sides to different values is a conflict, reported with its JSON pointer unless a
 * resolution names the side to keep. Arrays and scalars merge as whole values.
 */
public final class Rebase {
    /** Which side wins a conflict. */
    public enum Side {
        DRAFT,
        ACTIVE
    }

    /** A member changed differently on both sides; {@code null} values mean "removed". */
    public record Conflict(
            @JsonProperty("pointer") String pointer,
            @JsonProperty("base_value") JsonNode baseValue,
            @JsonProperty("draft_value") JsonNode draftValue,
            @JsonProperty("active_value") JsonNode activeValue) {}

    /** The merged document (meaningful only when {@code conflicts} is empty) and the conflicts. */
    public record Result(JsonNode merged, List<Conflict> conflicts) {
        public boolean clean() {
            return conflicts.isEmpty();
        }
    }

    private Rebase() {}

    public static Result merge(JsonNode ancestor, JsonNode draft, JsonNode active) {
        return merge(ancestor, draft, active, Map.of());
    }

    /** Three-way merge; {@code resolutions} maps conflict pointers to the side to keep. */
    public static Result merge(JsonNode ancestor, JsonNode draft, JsonNode active, Map<String, Side> resolutions) {
        List<Conflict> conflicts = new ArrayList<>();
        JsonNode merged = merge("", ancestor, draft, active, resolutions, conflicts);
        return new Result(merged, List.copyOf(conflicts));
    }

    // null = absent member
    private static JsonNode merge(
            String pointer,
            JsonNode base,
            JsonNode ours,
            JsonNode theirs,
            Map<String, Side> resolutions,
            List<Conflict> conflicts) {
        if (same(ours, theirs)) {
            return ours;
        }
        if (same(base, ours)) {
            return theirs;
        }
        if (same(base, theirs)) {
            return ours;
        }
        if (ours != null && ours.isObject() && theirs != null && theirs.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            TreeSet<String> keys = new TreeSet<>();
            ours.fieldNames().forEachRemaining(keys::add);
            theirs.fieldNames().forEachRemaining(keys::add);
            JsonNode baseObject = base != null && base.isObject() ? base : null;
            if (baseObject != null) {
                baseObject.fieldNames().forEachRemaining(keys::add);
            }
            for (String key : keys) {
                JsonNode value = merge(
                        JsonPointers.child(pointer, key),
                        baseObject == null ? null : baseObject.get(key),
                        ours.get(key),
                        theirs.get(key),
                        resolutions,
                        conflicts);
                if (value != null) {
                    out.set(key, value);
                }
            }
            return out;
        }
        Side side = resolutions.get(pointer);
        if (side == Side.DRAFT) {
            return ours;
        }
        if (side == Side.ACTIVE) {
            return theirs;
        }
        conflicts.add(new Conflict(pointer, base, ours, theirs));
        return ours;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return V3Document.sameContent(a, b);
    }
}
