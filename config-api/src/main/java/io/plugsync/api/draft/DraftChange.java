package io.plugsync.api.draft;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a draft write wants to store: the next document and base version, and how to journal it.
 *
 * @param action journal action, e.g. {@code patch}, {@code put_entity}, {@code restore}
 * @param detail extra journal detail (JSON object) or null
 */
public record DraftChange(
        String action, JsonNode document, int baseVersion, Integer restoredFromVersion, JsonNode detail) {}
