package io.plugsync.ingest.sync;

import io.plugsync.common.source.ClaimedSync;
import io.plugsync.common.source.SourceKinds.SyncEventType;
import io.plugsync.common.source.SyncTarget;
import io.plugsync.ingest.github.BranchHead;
import io.plugsync.ingest.github.Comparison;
import io.plugsync.ingest.github.GitTree;
import io.plugsync.ingest.github.GithubApi;
import io.plugsync.ingest.github.GithubApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Learns the files at the branch head with as few GitHub calls as it can. A push or reconcile of a
 * target that synced before reads the changes since its last synced revision from the compare API
 * and takes every unchanged file's blob SHA from the tree and bindings it stored; anything else (first
 * sync, a resync an admin asked for, a changed configuration), or a comparison that cannot be trusted
 * (capped at 300 files, head not ahead of the base, base unknown after a force-push), reads the whole
 * head as one archive.
 */
@ApplicationScoped
public class HeadReader {
    private static final Logger LOG = Logger.getLogger(HeadReader.class);
    /** Event types whose sync may start from the last synced revision. */
    private static final Set<String> INCREMENTAL = Set.of(SyncEventType.PUSH, SyncEventType.RECONCILE);

    private final Pool pool;
    private final GithubApi github;
    private final TargetTreeRepository trees;

    public HeadReader(Pool pool, GithubApi github, TargetTreeRepository trees) {
        this.pool = pool;
        this.github = github;
        this.trees = trees;
    }

    public Uni<HeadFiles> read(
            ClaimedSync sync, SyncTarget target, BranchHead head, MappingRules rules, List<Binding> live) {
        String base = target.lastSyncedRevision();
        if (base == null || base.isBlank() || !INCREMENTAL.contains(sync.eventType())) {
            return archive(target, head, rules);
        }
        return trees.stored(pool, target.targetId()).flatMap(stored -> {
            if (stored.isEmpty()
                    || stored.get().truncated()
                    || !base.equals(stored.get().revision())) {
                return archive(target, head, rules);
            }
            Uni<Optional<Comparison>> changes = base.equals(head.commitSha())
                    ? Uni.createFrom().item(Optional.of(new Comparison("identical", 0, 0, List.of())))
                    : github.compare(target.installationId(), target.owner(), target.name(), base, head.commitSha())
                            .map(Optional::of)
                            .onFailure(e -> e instanceof GithubApiException api && api.status() == 404)
                            .recoverWithItem(Optional.empty());
            int calls = base.equals(head.commitSha()) ? 0 : 1;
            return changes.flatMap(found -> {
                Optional<HeadFiles> files = found.filter(Comparison::complete)
                        .flatMap(c -> incremental(stored.get().paths(), c, head, rules, live, calls));
                if (files.isPresent()) {
                    return Uni.createFrom().item(files.get());
                }
                LOG.debugf(
                        "target %s: compare %s...%s unusable (%s), reading the archive",
                        target.targetId(),
                        base,
                        head.commitSha(),
                        found.map(c -> c.status() + ", " + c.changedFiles() + " files")
                                .orElse("base unknown"));
                return archive(target, head, rules).map(full -> withRequests(full, full.requests() + calls));
            });
        });
    }

    private Uni<HeadFiles> archive(SyncTarget target, BranchHead head, MappingRules rules) {
        return github.archive(
                        target.installationId(),
                        target.owner(),
                        target.name(),
                        head.commitSha(),
                        path -> rules.match(path).isPresent())
                .map(archive -> new HeadFiles(
                        new GitTree(head.treeSha(), archive.blobs(), archive.requests(), false),
                        archive.blobs().stream().map(GitTree.Entry::path).toList(),
                        false,
                        archive.contents(),
                        "archive",
                        archive.requests()));
    }

    /**
     * The head as the stored tree plus the comparison's changes; empty when a file a mapping selects
     * is unchanged but has no binding to take its blob SHA from (e.g. it failed to ingest last time).
     */
    static Optional<HeadFiles> incremental(
            List<String> previous,
            Comparison changes,
            BranchHead head,
            MappingRules rules,
            List<Binding> live,
            int calls) {
        TreeSet<String> paths = new TreeSet<>(previous);
        Map<String, String> changed = new HashMap<>();
        for (Comparison.ChangedFile file : changes.files()) {
            if (file.previousPath() != null && "renamed".equals(file.status())) {
                paths.remove(file.previousPath());
            }
            if (file.removed()) {
                paths.remove(file.path());
                changed.remove(file.path());
            } else {
                paths.add(file.path());
                changed.put(file.path(), file.sha());
            }
        }
        Map<String, String> bound = new HashMap<>();
        live.forEach(b -> bound.put(b.path(), b.blobSha()));
        List<GitTree.Entry> selected = new ArrayList<>();
        for (String path : paths) {
            if (rules.match(path).isEmpty()) {
                continue;
            }
            String sha = changed.containsKey(path) ? changed.get(path) : bound.get(path);
            if (sha == null) {
                return Optional.empty();
            }
            selected.add(new GitTree.Entry(path, sha, -1));
        }
        return Optional.of(new HeadFiles(
                new GitTree(head.treeSha(), selected, calls, false),
                List.copyOf(paths),
                false,
                Map.of(),
                "compare",
                calls));
    }

    private static HeadFiles withRequests(HeadFiles files, int requests) {
        return new HeadFiles(files.tree(), files.paths(), files.truncated(), files.contents(), files.via(), requests);
    }
}
