package io.plugsync.ingest.sync;

import io.plugsync.common.library.PluginMemberships;
import io.plugsync.common.library.PluginReleases;
import io.plugsync.common.source.SyncTarget;
import io.plugsync.ingest.library.ConfigObjectSink;
import io.plugsync.ingest.library.SourceObject;
import io.plugsync.ingest.library.Written;
import io.smallrye.mutiny.Multi;
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
        List<String> createdPaths =
                plan.creates().stream().map(DesiredFile::path).toList();
        return bindings.tombstoned(db, target.targetId(), createdPaths)
                .flatMap(tombstoned -> sequentially(
                                plan.deletes(),
                                binding -> delete(db, target, syncEventId, revision, binding, rules, report))
                        .flatMap(ignored -> sequentially(
                                plan.moves(), move -> move(db, target, syncEventId, revision, move, report)))
                        .flatMap(ignored -> sequentially(
                                plan.updates(),
                                update -> update(db, target, syncEventId, revision, update, contents, report)))
                        .flatMap(ignored -> sequentially(
                                plan.creates(),
                                file -> create(db, target, syncEventId, revision, file, contents, tombstoned, report))))
                .flatMap(ignored -> bindings.touchAll(db, target.targetId(), revision))
                // one sync_snapshot release per plugin whose members or member versions this sync changed
                .call(ignored -> PluginReleases.afterSync(db, target.organizationId(), syncEventId, revision))
                .map(ignored -> new Applied(report.toJson(plan.unchanged()), report.errors));
    }

    private Uni<Void> create(
            SqlConnection db,
            SyncTarget target,
            UUID syncEventId,
            String revision,
            DesiredFile file,
            Map<String, byte[]> contents,
            Set<String> tombstoned,
            Report report) {
        SourceObject source = source(target, syncEventId, revision, file);
        return sink.create(db, source, contents.get(file.blobSha()))
                .call(written -> bindings.insert(db, target, written.objectId(), file, revision))
                .call(written ->
                        file.mapping().autoAddToPlugin() && file.mapping().pluginId() != null
                                ? PluginMemberships.add(
                                        db,
                                        target.organizationId(),
                                        file.mapping().pluginId(),
                                        written.objectId(),
                                        PluginMemberships.Sources.CONNECTOR,
                                        file.mapping().id(),
                                        null)
                                : Uni.createFrom().voidItem())
                .invoke(written -> report.file(
                        "created",
                        file.path(),
                        written,
                        tombstoned.contains(file.path()) ? "new_identity_after_tombstone" : null))
                .replaceWithVoid();
    }

    private Uni<Void> update(
            SqlConnection db,
            SyncTarget target,
            UUID syncEventId,
            String revision,
            ReconcilePlan.Update update,
            Map<String, byte[]> contents,
            Report report) {
        DesiredFile file = update.file();
        return sink.update(
                        db,
                        update.binding().objectId(),
                        source(target, syncEventId, revision, file),
                        contents.get(file.blobSha()))
                .call(written -> bindings.updateContent(db, update.binding(), file, revision))
                .invoke(written -> report.file("updated", file.path(), written, null))
                .replaceWithVoid();
    }

    private Uni<Void> delete(
            SqlConnection db,
            SyncTarget target,
            UUID syncEventId,
            String revision,
            Binding binding,
            MappingRules rules,
            Report report) {
        SourceObject source = new SourceObject(
                target.organizationId(),
                target.instanceId(),
                null,
                binding.path(),
                syncEventId,
                revision,
                rules.attributedTo(binding));
        return sink.delete(db, binding.objectId(), source)
                .call(() -> bindings.close(db, binding))
                .call(() -> bindings.tombstone(db, target, binding, syncEventId, revision))
                .invoke(() -> report.deleted(binding))
                .replaceWithVoid();
    }

    private Uni<Void> move(
            SqlConnection db,
            SyncTarget target,
            UUID syncEventId,
            String revision,
            ReconcilePlan.Move move,
            Report report) {
        Binding from = move.binding();
        DesiredFile to = move.file();
        return bindings.close(db, from)
                .call(() -> bindings.tombstone(db, target, from, syncEventId, revision))
                .call(() -> bindings.insert(db, target, from.objectId(), to, revision))
                .call(() -> sink.move(db, from.objectId(), source(target, syncEventId, revision, to)))
                .invoke(() -> report.moved(from, to))
                .replaceWithVoid();
    }

    private static SourceObject source(SyncTarget target, UUID syncEventId, String revision, DesiredFile file) {
        return new SourceObject(
                target.organizationId(),
                target.instanceId(),
                file.mapping().objectType(),
                file.path(),
                syncEventId,
                revision,
                file.mapping().attributedTo());
    }

    private static <T> Uni<Void> sequentially(List<T> items, Function<T, Uni<Void>> step) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // one statement at a time: a transaction's connection runs them in order anyway
        return Multi.createFrom()
                .iterable(items)
                .onItem()
                .transformToUniAndConcatenate(item -> step.apply(item).replaceWith(Boolean.TRUE))
                .collect()
                .last()
                .replaceWithVoid();
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
