package io.plugsync.common.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonPatch;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** RFC 6902 JSON Patch between two documents, and the pointers it touches. */
public final class JsonDiff {
    // plain add/remove/replace operations: easy for a review screen and for clients to apply
    private static final EnumSet<DiffFlags> FLAGS =
            EnumSet.of(DiffFlags.OMIT_MOVE_OPERATION, DiffFlags.OMIT_COPY_OPERATION);

    private JsonDiff() {}

    /** The JSON Patch that turns {@code from} into {@code to}. */
    public static ArrayNode diff(JsonNode from, JsonNode to) {
        return (ArrayNode) com.flipkart.zjsonpatch.JsonDiff.asJson(from, to, FLAGS);
    }

    /** Applies an RFC 6902 patch; the input is not modified. */
    public static JsonNode apply(JsonNode patch, JsonNode document) {
        return JsonPatch.apply(patch, document);
    }

    /** The JSON pointers the diff of the two documents touches, in patch order, without duplicates. */
    public static List<String> changedPaths(JsonNode from, JsonNode to) {
        Set<String> paths = new LinkedHashSet<>();
        diff(from, to).forEach(op -> paths.add(op.path("path").asText()));
        return new ArrayList<>(paths);
    }
}
