package io.plugsync.api.library.object;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.List;

/** A line-based unified diff of two texts (java-diff-utils), three lines of context. */
public record ContentDiff(String unified, int linesAdded, int linesRemoved) {
    static final int CONTEXT = 3;

    /** {@code null} texts (deleted versions) diff as empty. */
    static ContentDiff of(String fromLabel, String toLabel, String from, String to) {
        List<String> a = lines(from);
        List<String> b = lines(to);
        Patch<String> patch = DiffUtils.diff(a, b);
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            added += delta.getTarget().size();
            removed += delta.getSource().size();
        }
        if (patch.getDeltas().isEmpty()) {
            return new ContentDiff("", 0, 0);
        }
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(fromLabel, toLabel, a, patch, CONTEXT);
        return new ContentDiff(String.join("\n", unified) + "\n", added, removed);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }
}
