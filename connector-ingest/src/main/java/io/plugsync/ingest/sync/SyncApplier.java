package io.plugsync.ingest.sync;

import io.plugsync.common.library.PluginMemberships;
import io.plugsync.common.library.PluginReleases;
import io.plugsync.common.source.SyncTarget;
import io.plugsync.ingest.library.ConfigObjectSink;
import io.plugsync.ingest.library.SourceObject;
import io.plugsync.ingest.library.Written;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Applies a {@link ReconcilePlan} inside the sync's transaction: objects and versions through the
 * {@link ConfigObjectSink}, bindings, tombstones and plugin memberships here. A file that does not
 * parse is reported and the rest of the sync goes on.
 */
@ApplicationScoped
public class SyncApplier {
    /** Per-file entries kept in summary_json; counts are always complete. */
    static final int MAX_LISTED_FILES = 1000;
    /** Files written per batch of statements. */
    static final int SLICE = 500;

    private final ConfigObjectSink sink;
    private final BindingRepository bindings;

    public SyncApplier(ConfigObjectSink sink, BindingRepository bindings) {
        this.sink = sink;
        this.bindings = bindings;
    }

    /** Result: the per-file summary and how many files failed to parse. */
    public record Applied(JsonObject summary, int errors) {}

    public Uni<Applied> apply(
            SqlConnection db,
            SyncTarget target,
            UUID syncEventId,
            String revision,
            ReconcilePlan plan,
            MappingRules rules,
            Map<String, byte[]> contents) {
        Report report = new Report();
        Sync sync = new Sync(db, target, syncEventId, revision);
        List<String> createdPaths =
                plan.creates().stream().map(DesiredFile::path).toList();
        // deletes, then moves, then content: a path a deletion or move frees may be bound again
        return bindings.tombstoned(db, target.targetId(), createdPaths)
                .flatMap(tombstoned -> inSlices(plan.deletes(), slice -> delete(sync, slice, rules, report))
                        .flatMap(ignored -> inSlices(plan.moves(), slice -> moves(sync, slice, report)))
                        .flatMap(ignored -> inSlices(plan.updates(), slice -> update(sync, slice, contents, report)))
                        .flatMap(ignored ->
                                inSlices(plan.creates(), slice -> create(sync, slice, contents, tombstoned, report))))
                .flatMap(ignored -> bindings.touchAll(db, target.targetId(), revision))
                // one sync_snapshot release per plugin whose members or member versions this sync changed
                .call(ignored -> PluginReleases.afterSync(db, target.organizationId(), syncEventId, revision))
                .map(ignored -> new Applied(report.toJson(plan.unchanged()), report.errors));
    }

    /** The transaction and the sync a slice of the plan is applied in. */
    private record Sync(SqlConnection db, SyncTarget target, UUID syncEventId, String revision) {}

    private Uni<Void> create(
            Sync sync, List<DesiredFile> files, Map<String, byte[]> contents, Set<String> tombstoned, Report report) {
        List<ConfigObjectSink.NewFile> newFiles = files.stream()
                .map(f -> new ConfigObjectSink.NewFile(source(sync, f), contents.get(f.blobSha())))
                .toList();
        return sink.createAll(sync.db(), newFiles).flatMap(written -> {
            List<BindingRepository.NewBinding> added = new ArrayList<>(files.size());
            List<PluginMemberships.Addition> members = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                DesiredFile file = files.get(i);
                UUID objectId = written.get(i).objectId();
                added.add(new BindingRepository.NewBinding(objectId, file));
                if (file.mapping().autoAddToPlugin() && file.mapping().pluginId() != null) {
                    members.add(new PluginMemberships.Addition(
                            file.mapping().pluginId(),
                            objectId,
                            PluginMemberships.Sources.CONNECTOR,
                            file.mapping().id(),
                            null));
                }
                report.file(
                        "created",
                        file.path(),
                        written.get(i),
                        tombstoned.contains(file.path()) ? "new_identity_after_tombstone" : null);
            }
            return bindings.insertAll(sync.db(), sync.target(), added, sync.revision())
                    .call(() ->
                            PluginMemberships.addAll(sync.db(), sync.target().organizationId(), members));
        });
    }

    private Uni<Void> update(
            Sync sync, List<ReconcilePlan.Update> updates, Map<String, byte[]> contents, Report report) {
        List<ConfigObjectSink.ChangedFile> changed = updates.stream()
                .map(u -> new ConfigObjectSink.ChangedFile(
                        u.binding().objectId(),
                        source(sync, u.file()),
                        contents.get(u.file().blobSha())))
                .toList();
        return sink.updateAll(sync.db(), changed)
                .invoke(written -> {
                    for (int i = 0; i < updates.size(); i++) {
                        report.file("updated", updates.get(i).file().path(), written.get(i), null);
                    }
                })
                .flatMap(written -> bindings.updateContentAll(sync.db(), updates, sync.revision()));
    }

    private Uni<Void> delete(Sync sync, List<Binding> deleted, MappingRules rules, Report report) {
        List<ConfigObjectSink.GoneFile> gone = deleted.stream()
                .map(b -> new ConfigObjectSink.GoneFile(
                        b.objectId(),
                        new SourceObject(
                                sync.target().organizationId(),
                                sync.target().instanceId(),
                                null,
                                b.path(),
                                sync.syncEventId(),
                                sync.revision(),
                                rules.attributedTo(b))))
                .toList();
        return sink.deleteAll(sync.db(), gone)
                .call(() -> bindings.closeAll(sync.db(), deleted))
                .call(() ->
                        bindings.tombstoneAll(sync.db(), sync.target(), deleted, sync.syncEventId(), sync.revision()))
                .invoke(() -> deleted.forEach(report::deleted));
    }

    /** Moves are rare (a renamed file with the same content): one file at a time. */
    private Uni<Void> moves(Sync sync, List<ReconcilePlan.Move> moves, Report report) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReconcilePlan.Move move : moves) {
            chain = chain.call(() -> move(sync, move, report));
        }
        return chain;
    }

    private Uni<Void> move(Sync sync, ReconcilePlan.Move move, Report report) {
        Binding from = move.binding();
        DesiredFile to = move.file();
        return bindings.closeAll(sync.db(), List.of(from))
                .call(() -> bindings.tombstoneAll(
                        sync.db(), sync.target(), List.of(from), sync.syncEventId(), sync.revision()))
                .call(() -> bindings.insertAll(
                        sync.db(),
                        sync.target(),
                        List.of(new BindingRepository.NewBinding(from.objectId(), to)),
                        sync.revision()))
                .call(() -> sink.move(sync.db(), from.objectId(), source(sync, to)))
                .invoke(() -> report.moved(from, to))
                .replaceWithVoid();
    }

    private static SourceObject source(Sync sync, DesiredFile file) {
        return new SourceObject(
                sync.target().organizationId(),
                sync.target().instanceId(),
                file.mapping().objectType(),
                file.path(),
                sync.syncEventId(),
                sync.revision(),
                file.mapping().attributedTo());
    }

    /**
     * Applies {@code items} in slices of {@link #SLICE}, one slice after the other (a transaction's
     * connection runs one statement at a time anyway); each slice is a few statements whatever its
     * size, and the slice bounds how large one statement's parameters get.
     */
    private static <T> Uni<Void> inSlices(List<T> items, Function<List<T>, Uni<Void>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < items.size(); from += SLICE) {
            List<T> slice = items.subList(from, Math.min(items.size(), from + SLICE));
            chain = chain.call(() -> step.apply(slice));
        }
        return chain;
    }

    /** Counts and per-file lines of one sync. */
    private static final class Report {
        final JsonArray files = new JsonArray();
        int created;
        int updated;
        int deleted;
        int moved;
        int errors;
        int listed;

        void file(String action, String path, Written written, String note) {
            if (written.failed()) {
                errors++;
            }
            if (action.equals("created")) {
                created++;
            } else {
                updated++;
            }
            JsonObject line = new JsonObject()
                    .put("path", path)
                    .put("action", action)
                    .put("config_object_id", written.objectId().toString())
                    .put("status", written.failed() ? "ingestion_error" : "ok");
            if (written.failed()) {
                line.put("error", written.error());
            }
            if (note != null) {
                line.put("note", note);
            }
            add(line);
        }

        void deleted(Binding binding) {
            deleted++;
            add(new JsonObject()
                    .put("path", binding.path())
                    .put("action", "deleted")
                    .put("config_object_id", binding.objectId().toString())
                    .put("status", "ok"));
        }

        void moved(Binding from, DesiredFile to) {
            moved++;
            add(new JsonObject()
                    .put("path", to.path())
                    .put("from_path", from.path())
                    .put("action", "moved")
                    .put("config_object_id", from.objectId().toString())
                    .put("status", "ok"));
        }

        private void add(JsonObject line) {
            if (listed++ < MAX_LISTED_FILES) {
                files.add(line);
            }
        }

        JsonObject toJson(int unchanged) {
            return new JsonObject()
                    .put(
                            "counts",
                            new JsonObject()
                                    .put("created", created)
                                    .put("updated", updated)
                                    .put("deleted", deleted)
                                    .put("moved", moved)
                                    .put("unchanged", unchanged)
                                    .put("errors", errors))
                    .put("files", files)
                    .put("files_truncated", listed > MAX_LISTED_FILES);
        }
    }

    static List<String> paths(List<Binding> list) {
        List<String> out = new ArrayList<>();
        list.forEach(b -> out.add(b.path()));
        return out;
    }
}
