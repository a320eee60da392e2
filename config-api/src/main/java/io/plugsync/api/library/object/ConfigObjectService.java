package io.plugsync.api.library.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.plugsync.api.http.Page;
import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actor;
import io.plugsync.api.library.access.Actors;
import io.plugsync.api.library.plugin.ObjectMembershipService;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.library.ConfigObjectVersions;
import io.plugsync.common.library.ConfigObjectWriter;
import io.plugsync.common.library.ConfigObjects;
import io.plugsync.common.library.ConfigSource;
import io.plugsync.common.library.CreatedVia;
import io.plugsync.common.library.NewConfigObject;
import io.plugsync.common.library.ObjectType;
import io.plugsync.common.library.SourceMode;
import io.plugsync.common.library.StoredVersion;
import io.plugsync.common.library.VersionAuthor;
import io.plugsync.common.library.VersionContent;
import io.plugsync.common.library.VersionSealer;
import io.plugsync.common.v3.JsonDiff;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Config objects: the rules and transactions; content writes go through the shared {@link ConfigObjectWriter}. */
@ApplicationScoped
public class ConfigObjectService {
    private final Pool pool;
    private final Actors actors;
    private final ConfigObjectRepository objects;
    private final ConfigObjectWriter writer;
    private final VersionSealer sealer;
    private final ObjectMembershipService plugins;
    private final ProvenanceRepository provenance;

    /** Plugins a new object may join in its create request. */
    static final int MAX_PLUGINS = 50;

    public ConfigObjectService(
            Pool pool,
            Actors actors,
            ConfigObjectRepository objects,
            ConfigObjectWriter writer,
            VersionSealer sealer,
            ObjectMembershipService plugins,
            ProvenanceRepository provenance) {
        this.pool = pool;
        this.actors = actors;
        this.objects = objects;
        this.writer = writer;
        this.sealer = sealer;
        this.plugins = plugins;
        this.provenance = provenance;
    }

    public Uni<ConfigObjectView> create(Caller caller, UUID org, ConfigObjectRequests.Create request) {
        Validation check = new Validation();
        ObjectType type = ObjectType.parse(request.objectType()).orElse(null);
        check.require(type != null, "/object_type", "one of skill, mcp, command, agent, hook, context, custom", "enum");
        SourceMode mode = request.sourceMode() == null
                ? SourceMode.CLOUD
                : SourceMode.parse(request.sourceMode()).orElse(null);
        check.require(mode == SourceMode.CLOUD || mode == SourceMode.IMPORT, "/source_mode", "cloud or import", "enum");
        List<UUID> pluginIds = request.pluginIds() == null ? List.of() : request.pluginIds();
        check.require(pluginIds.size() <= MAX_PLUGINS, "/plugin_ids", "at most " + MAX_PLUGINS + " plugins", "length");
        return pool.withTransaction(db -> actors.writer(db, caller, org).flatMap(actor -> {
            actor.requireOrgRole(OrgRole.EDITOR, "config_object:create");
            Uni<Void> pluginsChecked = check.ok()
                    ? plugins.checkJoinable(db, actor, pluginIds, check)
                    : Uni.createFrom().voidItem();
            return pluginsChecked.flatMap(checked -> {
                check.throwIfAny("the config object is not valid");
                VersionAuthor author = new VersionAuthor(
                        mode == SourceMode.IMPORT ? CreatedVia.IMPORT : CreatedVia.CLOUD,
                        actor.membershipId(),
                        null,
                        null);
                return writer.create(db, new NewConfigObject(org, type, mode, null, source(request), author))
                        .call(written -> plugins.joinAll(db, actor, written.configObjectId(), pluginIds))
                        .flatMap(written -> load(db, actor, written.configObjectId()));
            });
        }));
    }

    public Uni<ConfigObjectView> get(Caller caller, UUID org, UUID id) {
        return pool.withConnection(db -> actors.reader(db, caller, org).flatMap(actor -> load(db, actor, id)));
    }

    public Uni<Page<ConfigObjectView>> list(Caller caller, UUID org, ObjectFilter filter, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> objects.list(db, org, actor.membershipId(), actor.isOrgAdmin(), filter, paging)
                        .map(rows -> paging.page(
                                rows.stream()
                                        .map(r -> r.object()
                                                .withRole(actor.roleOn(r.rank(), "")
                                                        .wire()))
                                        .toList(),
                                ConfigObjectView::createdAt,
                                ConfigObjectView::id))));
    }

    /** A new immutable version from new content. */
    public Uni<ConfigObjectView> update(Caller caller, UUID org, UUID id, ConfigObjectRequests.Update request) {
        return mutate(caller, org, id, AccessRole.EDITOR, "config_object:update", (db, actor, object) -> {
            if (!object.status().equals("active") && !object.status().equals("inactive")) {
                throw ProblemException.conflict(
                        "object-" + object.status(),
                        "a " + object.status() + " object cannot be" + " edited; restore it first");
            }
            if ("connector".equals(object.sourceMode())) {
                throw ProblemException.conflict(
                        "connector-managed", "this object is synced from a connector;" + " change it at its source");
            }
            ConfigSource source = new ConfigSource(
                    request.content(),
                    request.fileName() == null ? object.currentFileName() : request.fileName(),
                    request.relativePath() == null ? object.currentRelativePath() : request.relativePath(),
                    request.title());
            return writer.newVersion(db, org, id, source, VersionAuthor.cloud(actor.membershipId()))
                    .replaceWithVoid();
        });
    }

    /** Archive (manager, rbac.md): hidden from the default list, kept with its history. */
    public Uni<ConfigObjectView> archive(Caller caller, UUID org, UUID id) {
        return mutate(caller, org, id, AccessRole.MANAGER, "config_object:archive", (db, actor, object) -> {
            if (!object.status().equals("active") && !object.status().equals("inactive")) {
                throw ProblemException.conflict("object-" + object.status(), "only an active object can be archived");
            }
            return ConfigObjects.setStatus(db, id, ConfigObjects.Status.ARCHIVED);
        });
    }

    /** Soft delete: a terminal deleted version; history stays. */
    public Uni<ConfigObjectView> delete(Caller caller, UUID org, UUID id) {
        return mutate(caller, org, id, AccessRole.MANAGER, "config_object:delete", (db, actor, object) -> {
            if (object.status().equals("deleted")) {
                throw ProblemException.conflict("object-deleted", "the object is already deleted");
            }
            return writer.deletedVersion(db, org, id, VersionAuthor.cloud(actor.membershipId()))
                    .replaceWithVoid();
        });
    }

    /** Undoes a delete (a new version with the last content) or an archive; manager, as both are. */
    public Uni<ConfigObjectView> restore(Caller caller, UUID org, UUID id) {
        return mutate(caller, org, id, AccessRole.MANAGER, "config_object:restore", (db, actor, object) -> {
            if (object.status().equals("deleted")) {
                return writer.restore(db, org, id, VersionAuthor.cloud(actor.membershipId()))
                        .replaceWithVoid();
            }
            if (object.status().equals("archived")) {
                return ConfigObjects.setStatus(db, id, ConfigObjects.Status.ACTIVE);
            }
            throw ProblemException.conflict("not-restorable", "only a deleted or archived object can be restored");
        });
    }

    public Uni<Page<VersionSummary>> versions(Caller caller, UUID org, UUID id, Paging paging) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> load(db, actor, id))
                .flatMap(object -> objects.versions(db, id, paging))
                .map(rows -> paging.page(
                        rows.stream().map(VersionSummary::of).toList(),
                        VersionSummary::createdAt,
                        VersionSummary::id)));
    }

    public Uni<VersionView> version(Caller caller, UUID org, UUID id, UUID versionId) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> load(db, actor, id))
                .flatMap(object -> objects.version(db, id, versionId))
                .map(found -> found.map(v -> VersionView.of(v, sealer.open(v)))
                        .orElseThrow(() -> ProblemException.notFound("version " + versionId))));
    }

    /** The newest version by created_at DESC, id DESC (deleted versions included). */
    public Uni<VersionView> latest(Caller caller, UUID org, UUID id) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> load(db, actor, id))
                .flatMap(object -> ConfigObjectVersions.latest(db, id))
                .map(found -> found.map(v -> VersionView.of(v, sealer.open(v)))
                        .orElseThrow(() -> ProblemException.notFound("version of " + id))));
    }

    /**
     * Two versions of the object compared: both must belong to it (404 otherwise). The diff runs
     * from {@code from} to {@code to}, over the decrypted raw text (empty for a deleted version).
     */
    public Uni<VersionComparison> compare(Caller caller, UUID org, UUID id, UUID from, UUID to) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> load(db, actor, id))
                .flatMap(object -> objects.version(db, id, from)
                        .map(found -> found.orElseThrow(() -> ProblemException.notFound("version " + from)))
                        .flatMap(a -> objects.version(db, id, to)
                                .map(found -> compare(
                                        object,
                                        a,
                                        found.orElseThrow(() -> ProblemException.notFound("version " + to)))))));
    }

    private VersionComparison compare(ConfigObjectView object, StoredVersion from, StoredVersion to) {
        VersionContent a = sealer.open(from);
        VersionContent b = sealer.open(to);
        String file = object.currentRelativePath() != null ? object.currentRelativePath() : object.currentFileName();
        ContentDiff diff = ContentDiff.of(
                from.id() + (file == null ? "" : "/" + file),
                to.id() + (file == null ? "" : "/" + file),
                a.rawText(),
                b.rawText());
        JsonNode patch = JsonDiff.diff(orEmpty(a.payload()), orEmpty(b.payload()));
        return new VersionComparison(
                object.id(),
                VersionSummary.of(from),
                VersionSummary.of(to),
                diff.unified().isEmpty() && patch.isEmpty() && from.deleted() == to.deleted(),
                diff.unified(),
                diff.linesAdded(),
                diff.linesRemoved(),
                patch);
    }

    private static JsonNode orEmpty(JsonNode payload) {
        return payload == null || payload.isNull() ? JsonNodeFactory.instance.objectNode() : payload;
    }

    /** Where a connector-managed object comes from: its source bindings and tombstones (viewer). */
    public Uni<Provenance> provenance(Caller caller, UUID org, UUID id) {
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor -> load(db, actor, id)
                        .flatMap(object -> provenance
                                .bindings(db, id, actor.membershipId(), actor.isOrgAdmin())
                                .flatMap(bindings -> provenance
                                        .tombstones(db, id, actor.membershipId(), actor.isOrgAdmin())
                                        .map(tombstones ->
                                                new Provenance(id, object.sourceMode(), bindings, tombstones))))));
    }

    /** The object with the caller's role on it; 404 when invisible. */
    public Uni<ConfigObjectView> load(SqlClient db, Actor actor, UUID id) {
        return objects.find(db, actor.organizationId(), actor.membershipId(), id)
                .map(found -> {
                    ConfigObjectRepository.Ranked row =
                            found.orElseThrow(() -> ProblemException.notFound("config object " + id));
                    return row.object()
                            .withRole(actor.roleOn(row.rank(), "config object " + id)
                                    .wire());
                });
    }

    interface Change {
        Uni<Void> apply(SqlClient db, Actor actor, ConfigObjectView object);
    }

    private Uni<ConfigObjectView> mutate(
            Caller caller, UUID org, UUID id, AccessRole needed, String capability, Change change) {
        return pool.withTransaction(db -> actors.writer(db, caller, org)
                .flatMap(actor -> objects.find(db, org, actor.membershipId(), id)
                        .flatMap(found -> {
                            ConfigObjectRepository.Ranked row =
                                    found.orElseThrow(() -> ProblemException.notFound("config object " + id));
                            actor.require(row.rank(), needed, capability, "config object " + id);
                            return change.apply(db, actor, row.object());
                        })
                        .flatMap(done -> load(db, actor, id))));
    }

    private static ConfigSource source(ConfigObjectRequests.Create request) {
        return new ConfigSource(request.content(), request.fileName(), request.relativePath(), request.title());
    }
}
