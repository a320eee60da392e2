package io.plugsync.api.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * What a publish asks of rollouts: its {@code rollout} (object or short form; null: the defaults),
 * where it was in the request (for error pointers), and whether it supersedes an open rollout.
 */
public record RolloutRequest(JsonNode spec, String pointer, boolean supersede) {
    /** From a {@code rollout} query parameter (short form). */
    public static RolloutRequest ofQuery(String shortForm, boolean supersede) {
        return new RolloutRequest(
                shortForm == null || shortForm.isBlank() ? null : JsonNodeFactory.instance.textNode(shortForm),
                "query:rollout",
                supersede);
    }
}
