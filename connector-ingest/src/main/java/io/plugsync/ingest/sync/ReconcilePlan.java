package io.plugsync.ingest.sync;

import java.util.List;

/**
 * What a sync will do to make the bindings match the branch head: new paths, changed content,
 * deleted paths and moves (same content, old path gone, new path appeared).
 */
public record ReconcilePlan(
        List<DesiredFile> creates, List<Update> updates, List<Binding> deletes, List<Move> moves, int unchanged) {

    public ReconcilePlan {
        creates = List.copyOf(creates);
        updates = List.copyOf(updates);
        deletes = List.copyOf(deletes);
        moves = List.copyOf(moves);
    }

    /** Files whose content must be fetched. */
    public int fetches() {
        return creates.size() + updates.size();
    }

    public boolean isEmpty() {
        return creates.isEmpty() && updates.isEmpty() && deletes.isEmpty() && moves.isEmpty();
    }

    public record Update(Binding binding, DesiredFile file) {}

    public record Move(Binding binding, DesiredFile file) {}
}
