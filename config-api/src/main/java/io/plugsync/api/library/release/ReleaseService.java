package io.plugsync.api.library.release;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.plugin.PluginService;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.library.PluginReleases;
import io.plugsync.common.library.PluginResolution;
import io.plugsync.common.library.StoredVersion;
import io.plugsync.common.library.VersionContent;
import io.plugsync.common.library.VersionSealer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiPredicate;

/** Plugin releases: snapshots of the resolved plugin, and their diff against now. */
@ApplicationScoped
public class ReleaseService {
    private final Pool pool;
    private final Actors actors;
    private final PluginService plugins;
    private final ReleaseRepository releases;
    private final VersionSealer sealer;

    public ReleaseService(
            Pool pool, Actors actors, PluginService plugins, ReleaseRepository releases, VersionSealer sealer) {
        this.pool = pool;
        this.actors = actors;
        this.plugins = plugins;
        this.releases = releases;
        this.sealer = sealer;
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
                .flatMap(release -> PluginResolution.release(db, releaseId))
                .flatMap(pinned -> PluginResolution.current(db, pluginId)
                        .map(now -> compare(releaseId, pluginId, pinned, now, this::sameContent))));
    }

    /** The release with its items; 404 when the plugin has no such release. */
    Uni<ReleaseView> load(SqlClient db, UUID pluginId, UUID releaseId) {
        return releases.find(db, pluginId, releaseId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("release " + releaseId)))
                .flatMap(release -> releases.items(db, releaseId).map(release::withItems));
    }

    /**
     * The release's pinned members against the plugin now. A member whose latest version is not
     * the pinned one but holds the same content (e.g. the new version a rollback wrote) is unchanged:
     * it delivers exactly what the release pinned.
     */
    static ReleaseDiff compare(
            UUID releaseId,
            UUID pluginId,
            List<PluginResolution.Member> pinned,
            List<PluginResolution.Member> now,
            BiPredicate<StoredVersion, StoredVersion> sameContent) {
        Map<UUID, PluginResolution.Member> then = new LinkedHashMap<>();
        pinned.forEach(m -> then.put(m.configObjectId(), m));
        List<ReleaseDiff.Entry> added = new ArrayList<>();
        List<ReleaseDiff.Entry> changed = new ArrayList<>();
        int unchanged = 0;
        for (PluginResolution.Member current : now) {
            PluginResolution.Member old = then.remove(current.configObjectId());
            if (old == null) {
                added.add(entry(current, null, current.version().id()));
            } else if (!sameContent.test(old.version(), current.version())) {
                changed.add(entry(current, old.version().id(), current.version().id()));
            } else {
                unchanged++;
            }
        }
        List<ReleaseDiff.Entry> removed = then.values().stream()
                .map(old -> entry(old, old.version().id(), null))
                .toList();
        return new ReleaseDiff(releaseId, pluginId, added, removed, changed, unchanged);
    }

    private static ReleaseDiff.Entry entry(PluginResolution.Member member, UUID releaseVersion, UUID currentVersion) {
        return new ReleaseDiff.Entry(
                member.configObjectId(), member.objectType(), member.title(), releaseVersion, currentVersion);
    }

    /** The same version, or two versions whose raw text and normalized payload are equal. */
    private boolean sameContent(StoredVersion a, StoredVersion b) {
        if (a.id().equals(b.id())) {
            return true;
        }
        VersionContent x = sealer.open(a);
        VersionContent y = sealer.open(b);
        return Objects.equals(x.rawText(), y.rawText())
                && CanonicalJson.write(x.payload()).equals(CanonicalJson.write(y.payload()));
    }
}
