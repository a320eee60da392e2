package io.plugsync.api.library.release;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.plugin.PluginService;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.library.PluginReleases;
import io.plugsync.common.library.PluginResolution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Plugin releases: snapshots of the resolved plugin, and their diff against now. */
@ApplicationScoped
public class ReleaseService {
    private final Pool pool;
    private final Actors actors;
    private final PluginService plugins;
    private final ReleaseRepository releases;

    public ReleaseService(Pool pool, Actors actors, PluginService plugins, ReleaseRepository releases) {
        this.pool = pool;
        this.actors = actors;
        this.plugins = plugins;
        this.releases = releases;
    }

    public Uni<ReleaseView> create(Caller caller, UUID org, UUID pluginId, ReleaseRequests request) {
        String notes = request == null ? null : request.notes();
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> plugins.require(db, actor, pluginId, AccessRole.EDITOR, "plugin:release")
                        .flatMap(plugin -> {
                            new Validation().text(notes, "/notes", 2000, false).throwIfAny("the release is not valid");
                            return PluginReleases.snapshot(
                                    db, org, pluginId, PluginReleases.Kind.MANUAL, actor.membershipId(), notes);
                        })
                        .flatMap(created -> load(db, pluginId, created.releaseId()))));
    }

    public Uni<Page<ReleaseView>> list(Caller caller, UUID org, UUID pluginId, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> plugins.load(db, actor, pluginId))
                .flatMap(plugin -> releases.list(db, pluginId, paging))
                .map(rows -> paging.page(rows, ReleaseView::createdAt, ReleaseView::id)));
    }

    public Uni<ReleaseView> get(Caller caller, UUID org, UUID pluginId, UUID releaseId) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> plugins.load(db, actor, pluginId))
                .flatMap(plugin -> load(db, pluginId, releaseId)));
    }

    public Uni<ReleaseDiff> diff(Caller caller, UUID org, UUID pluginId, UUID releaseId) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> plugins.load(db, actor, pluginId))
                .flatMap(plugin -> load(db, pluginId, releaseId))
                .flatMap(release -> PluginResolution.current(db, pluginId).map(now -> compare(release, now))));
    }

    /** The release with its items; 404 when the plugin has no such release. */
    Uni<ReleaseView> load(SqlClient db, UUID pluginId, UUID releaseId) {
        return releases.find(db, pluginId, releaseId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("release " + releaseId)))
                .flatMap(release -> releases.items(db, releaseId).map(release::withItems));
    }

    static ReleaseDiff compare(ReleaseView release, List<PluginResolution.Member> now) {
        Map<UUID, ReleaseView.Item> then = release.items().stream()
                .collect(Collectors.toMap(ReleaseView.Item::configObjectId, Function.identity()));
        List<ReleaseDiff.Entry> added = new ArrayList<>();
        List<ReleaseDiff.Entry> changed = new ArrayList<>();
        int unchanged = 0;
        for (PluginResolution.Member current : now) {
            UUID objectId = current.version().configObjectId();
            ReleaseView.Item old = then.remove(objectId);
            if (old == null) {
                added.add(new ReleaseDiff.Entry(
                        objectId,
                        current.objectType(),
                        current.title(),
                        null,
                        current.version().id()));
            } else if (!old.configObjectVersionId().equals(current.version().id())) {
                changed.add(new ReleaseDiff.Entry(
                        objectId,
                        current.objectType(),
                        current.title(),
                        old.configObjectVersionId(),
                        current.version().id()));
            } else {
                unchanged++;
            }
        }
        List<ReleaseDiff.Entry> removed = then.values().stream()
                .map(old -> new ReleaseDiff.Entry(
                        old.configObjectId(), old.objectType(), old.title(), old.configObjectVersionId(), null))
                .toList();
        return new ReleaseDiff(release.id(), release.pluginId(), added, removed, changed, unchanged);
    }
}
