package io.plugsync.api.draft;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.v3.JsonPointers;
import io.plugsync.common.v3.Rebase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Body of {@code POST /draft/rebase}: for each conflicting JSON pointer, {@code draft} or {@code active}. */
public record RebaseRequest(Map<String, String> resolutions) {

    /**
     * The side to keep per pointer, parsed from {@code resolutions} (null: none) as REST and MCP
     * send them; any value other than {@code draft} or {@code active} is a 422 listing every one.
     */
    public static Map<String, Rebase.Side> sides(Map<String, String> resolutions) {
        Map<String, Rebase.Side> sides = new LinkedHashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (resolutions != null) {
            resolutions.forEach((pointer, side) -> {
                String choice = side == null ? "" : side.toLowerCase(Locale.ROOT);
                switch (choice) {
                    case "draft" -> sides.put(pointer, Rebase.Side.DRAFT);
                    case "active" -> sides.put(pointer, Rebase.Side.ACTIVE);
                    default ->
                        errors.add(new Problem.FieldError(
                                JsonPointers.child("/resolutions", pointer),
                                "must be \"draft\" or \"active\"",
                                "enum"));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("invalid resolutions", errors);
        }
        return sides;
    }
}
