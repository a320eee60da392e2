package io.plugsync.ingest.sync;

import io.plugsync.ingest.github.GitTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure planning: the tree at the branch head against the active bindings. The webhook's file list
 * plays no part; the head tree is the truth.
 */
public final class ReconcilePlanner {
    private ReconcilePlanner() {}

    /** Files of the tree that some mapping selects, in tree order. */
    public static List<DesiredFile> desired(GitTree tree, MappingRules rules) {
        List<DesiredFile> out = new ArrayList<>();
        for (GitTree.Entry entry : tree.blobs()) {
            rules.match(entry.path()).ifPresent(rule -> out.add(new DesiredFile(entry.path(), entry.sha(), rule)));
        }
        return out;
    }

    public static ReconcilePlan plan(List<DesiredFile> desired, List<Binding> bindings, MappingRules rules) {
        Map<String, Binding> bound = new HashMap<>();
        bindings.forEach(b -> bound.put(b.path(), b));
        Map<String, DesiredFile> wanted = new LinkedHashMap<>();
        desired.forEach(d -> wanted.put(d.path(), d));

        List<DesiredFile> appeared = new ArrayList<>();
        List<ReconcilePlan.Update> updates = new ArrayList<>();
        Set<String> retyped = new HashSet<>();
        int unchanged = 0;
        for (DesiredFile file : wanted.values()) {
            Binding binding = bound.get(file.path());
            if (binding == null) {
                appeared.add(file);
            } else if (!sameType(binding, file, rules)) {
                // another mapping (its own retired or changed) now selects the path as another type:
                // an object cannot change type, so the old one goes and a new identity comes
                retyped.add(file.path());
                appeared.add(file);
            } else if (!file.blobSha().equals(binding.blobSha())) {
                updates.add(new ReconcilePlan.Update(binding, file));
            } else {
                unchanged++;
            }
        }
        // gone: bound paths no longer selected at head, candidates for moves by identical content
        Map<String, Deque<Binding>> goneByContent = new LinkedHashMap<>();
        List<Binding> gone = new ArrayList<>();
        for (Binding binding : bindings) {
            if (!wanted.containsKey(binding.path()) || retyped.contains(binding.path())) {
                gone.add(binding);
                if (binding.blobSha() != null) {
                    goneByContent
                            .computeIfAbsent(binding.blobSha(), k -> new ArrayDeque<>())
                            .add(binding);
                }
            }
        }
        List<DesiredFile> creates = new ArrayList<>();
        List<ReconcilePlan.Move> moves = new ArrayList<>();
        for (DesiredFile file : appeared) {
            Binding source = takeMoveSource(goneByContent.get(file.blobSha()), file, rules);
            if (source != null) {
                moves.add(new ReconcilePlan.Move(source, file));
                gone.remove(source);
            } else {
                creates.add(file);
            }
        }
        return new ReconcilePlan(creates, updates, gone, moves, unchanged);
    }

    /** Whether the binding's mapping yields the file's object type (unknown mappings are taken to agree). */
    private static boolean sameType(Binding binding, DesiredFile file, MappingRules rules) {
        return rules.byId(binding.mappingId())
                .map(rule -> rule.objectType().equals(file.mapping().objectType()))
                .orElse(true);
    }

    /** A gone binding with the same content and an object type the new path's mapping agrees with. */
    private static Binding takeMoveSource(Deque<Binding> candidates, DesiredFile file, MappingRules rules) {
        if (candidates == null) {
            return null;
        }
        for (Binding candidate : candidates) {
            boolean sameType = rules.byId(candidate.mappingId())
                    .map(rule -> rule.objectType().equals(file.mapping().objectType()))
                    .orElse(false);
            if (sameType) {
                candidates.remove(candidate);
                return candidate;
            }
        }
        return null;
    }
}
