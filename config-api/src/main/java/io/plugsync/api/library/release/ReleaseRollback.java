package io.plugsync.api.library.release;

import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actor;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.plugin.PluginService;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.library.ConfigObjectWriter;
import io.plugsync.common.library.ConfigObjects;
import io.plugsync.common.library.ConfigSource;
import io.plugsync.common.library.CreatedVia;
import io.plugsync.common.library.PluginMemberships;
import io.plugsync.common.library.PluginReleases;
import io.plugsync.common.library.VersionAuthor;
import io.plugsync.common.library.VersionContent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Restores a plugin to one of its releases, in one transaction (a failure writes nothing): the
 * membership set becomes the release's objects, every member whose latest version is not the
 * pinned one gets a new version with the pinned content (history is never rewritten), deleted,
 * archived or inactive members come back, and a {@code system} release records the result.
 * Connector-managed objects are not rewritten: their source decides (they are reported as
 * skipped). Editor on the plugin; rewriting a member's content needs editor on that object, and
 * bringing back a deleted, archived or inactive one needs manager on it (the roles of a new
 * version and of a restore), so a plugin editor cannot change objects they could not edit directly.
 */
@ApplicationScoped
public class ReleaseRollback {
    /** The problem reason of a too weak role on a resource (as {@code Actor.require} answers it). */
    private final Pool pool;

    private final Actors actors;
    private final PluginService plugins;
    private final ReleaseRepository releases;
    private final ReleaseService reads;
    private final ConfigObjectWriter writer;

    public ReleaseRollback(
            Pool pool,
            Actors actors,
            PluginService plugins,
            ReleaseRepository releases,
            ReleaseService reads,
            ConfigObjectWriter writer) {
        this.pool = pool;
        this.actors = actors;
        this.plugins = plugins;
        this.releases = releases;
        this.reads = reads;
        this.writer = writer;
    }

    public Uni<RollbackResult> rollback(Caller caller, UUID org, UUID pluginId, UUID releaseId) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> plugins.require(db, actor, pluginId, AccessRole.EDITOR, "plugin:rollback")
                        .flatMap(plugin -> releases.find(db, pluginId, releaseId))
                        .flatMap(found -> {
                            found.orElseThrow(() -> ProblemException.notFound("release " + releaseId));
                            return releases.lockMembers(db, pluginId);
                        })
                        .flatMap(members -> releases.rollbackTargets(db, releaseId, actor.membershipId())
                                .flatMap(targets -> restore(db, actor, pluginId, releaseId, members, targets)))));
    }

    private Uni<RollbackResult> restore(
            SqlClient db,
            Actor actor,
            UUID pluginId,
            UUID releaseId,
            List<UUID> members,
            List<RollbackTarget> targets) {
        requireRights(actor, targets);
        UUID org = actor.organizationId();
        Set<UUID> wanted = new LinkedHashSet<>();
        targets.forEach(t -> wanted.add(t.configObjectId()));
        List<UUID> removed = members.stream().filter(id -> !wanted.contains(id)).toList();
        List<UUID> added = wanted.stream().filter(id -> !members.contains(id)).toList();
        List<RollbackResult.VersionWritten> written = new ArrayList<>();
        List<UUID> statusRestored = new ArrayList<>();
        List<RollbackResult.Skipped> skipped = new ArrayList<>();
        VersionAuthor author = new VersionAuthor(CreatedVia.SYSTEM, actor.membershipId(), null, null);
        return sequentially(removed, id -> PluginMemberships.remove(db, org, pluginId, id))
                .flatMap(ignored -> sequentially(
                        added,
                        id -> PluginMemberships.add(
                                db, org, pluginId, id, PluginMemberships.Sources.SYSTEM, null, actor.membershipId())))
                .flatMap(ignored -> sequentially(targets, target -> {
                    if (target.unchanged()) {
                        return Uni.createFrom().voidItem();
                    }
                    if (target.connectorManaged()) {
                        skipped.add(new RollbackResult.Skipped(
                                target.configObjectId(),
                                RollbackResult.MANAGED_AT_SOURCE,
                                target.pinned().id(),
                                target.latestVersionId()));
                        return Uni.createFrom().voidItem();
                    }
                    if (!target.contentDiffers()) {
                        statusRestored.add(target.configObjectId());
                        return ConfigObjects.setStatus(db, target.configObjectId(), ConfigObjects.Status.ACTIVE);
                    }
                    return writer.newVersion(db, org, target.configObjectId(), pinnedSource(target), author)
                            .invoke(v -> written.add(new RollbackResult.VersionWritten(
                                    target.configObjectId(),
                                    target.latestVersionId(),
                                    target.status(),
                                    target.pinned().id(),
                                    v.versionId())));
                }))
                .flatMap(ignored -> PluginReleases.snapshot(
                        db,
                        org,
                        pluginId,
                        PluginReleases.Kind.SYSTEM,
                        actor.membershipId(),
                        "rollback to release " + releaseId))
                .flatMap(created -> reads.load(db, pluginId, created.releaseId()))
                .map(release -> new RollbackResult(
                        releaseId,
                        release,
                        new RollbackResult.Changes(added, removed, written, statusRestored, skipped)));
    }

    /**
     * Every object the rollback would change must be one the caller may change: otherwise a 403
     * {@code missing-resource-role} with one error per object naming the role needed and held.
     */
    private static void requireRights(Actor actor, List<RollbackTarget> targets) {
        List<Problem.FieldError> denied = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (RollbackTarget target : targets) {
            if (target.unchanged() || target.connectorManaged()) {
                continue;
            }
            // a new version needs editor; bringing back a deleted, archived or inactive object needs manager
            AccessRole needed = target.live() ? AccessRole.EDITOR : AccessRole.MANAGER;
            AccessRole held = actor.isOrgAdmin()
                    ? AccessRole.MANAGER
                    : AccessRole.ofRank(target.rank()).orElse(null);
            if (held == null || !held.atLeast(needed)) {
                ids.add(target.configObjectId());
                denied.add(new Problem.FieldError(
                        "/config_objects/" + target.configObjectId(),
                        "restoring it needs the " + needed.wire() + " role on the object; yours is "
                                + (held == null ? "none" : held.wire()),
                        "missing-resource-role"));
            }
        }
        if (!denied.isEmpty()) {
            throw new ProblemException(Problem.of(
                            403,
                            ProblemException.MISSING_RESOURCE_ROLE,
                            "Forbidden",
                            "the rollback would change config objects the caller may not change")
                    .withErrors(denied)
                    .with("action", "plugin:rollback")
                    .with("config_object_ids", ids));
        }
    }

    private ConfigSource pinnedSource(RollbackTarget target) {
        VersionContent content = writer.sealer().open(target.pinned());
        // context and custom objects take their title from the object, not from the content
        boolean hinted = "context".equals(target.objectType()) || "custom".equals(target.objectType());
        return new ConfigSource(
                content.rawText(), target.fileName(), target.relativePath(), hinted ? target.title() : null);
    }

    private static <T> Uni<Void> sequentially(List<T> items, Function<T, Uni<?>> step) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // one statement at a time: the transaction's connection runs them in order anyway
        return Multi.createFrom()
                .iterable(items)
                .onItem()
                .transformToUniAndConcatenate(item -> step.apply(item).replaceWith(Boolean.TRUE))
                .collect()
                .last()
                .replaceWithVoid();
    }
}
