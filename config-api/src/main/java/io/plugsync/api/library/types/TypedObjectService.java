package io.plugsync.api.library.types;

import io.plugsync.api.http.Page;
import io.plugsync.api.library.object.ConfigObjectRequests;
import io.plugsync.api.library.object.ConfigObjectService;
import io.plugsync.api.library.object.ConfigObjectView;
import io.plugsync.api.library.object.ObjectFilter;
import io.plugsync.api.library.object.VersionView;
import io.plugsync.api.library.support.Paging;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgAccess;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.library.ConfigParsers;
import io.plugsync.common.library.ConfigSource;
import io.plugsync.common.library.InvalidContentException;
import io.plugsync.common.library.ParsedConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The type-specific routes as thin adapters over {@link ConfigObjectService} with the type fixed
 * (same validation, access rules, transactions and outbox events as {@code /config-objects}); an
 * object of another type is a 404 here. Validate and preview run the library's own parser
 * ({@link ConfigParsers}, as create and the connector sync do) and write nothing.
 */
@ApplicationScoped
public class TypedObjectService {
    private final ConfigObjectService objects;

    public TypedObjectService(ConfigObjectService objects) {
        this.objects = objects;
    }

    public Uni<Page<ConfigObjectView>> list(
            Caller caller,
            UUID org,
            TypedKind kind,
            String status,
            String sourceMode,
            String instance,
            String plugin,
            String includeArchived,
            String query,
            Paging paging) {
        return Uni.createFrom()
                .deferred(() -> objects.list(
                        caller,
                        org,
                        ObjectFilter.of(kind.type.wire(), status, sourceMode, instance, plugin, includeArchived, query),
                        paging));
    }

    public Uni<ConfigObjectView> create(Caller caller, UUID org, TypedKind kind, TypedRequests.Create request) {
        return objects.create(
                caller,
                org,
                new ConfigObjectRequests.Create(
                        kind.type.wire(),
                        request.sourceMode(),
                        request.content(),
                        request.fileName(),
                        request.relativePath(),
                        request.title(),
                        request.pluginIds()));
    }

    public Uni<ConfigObjectView> get(Caller caller, UUID org, TypedKind kind, UUID id) {
        return objects.get(caller, org, id).map(object -> ofKind(kind, object));
    }

    /** A new version; the object must be of the kind (its type never changes, so the check holds for the write). */
    public Uni<ConfigObjectView> newVersion(
            Caller caller, UUID org, TypedKind kind, UUID id, TypedRequests.Content request) {
        return get(caller, org, kind, id)
                .flatMap(object -> objects.update(
                        caller,
                        org,
                        id,
                        new ConfigObjectRequests.Update(
                                request.content(), request.fileName(), request.relativePath(), request.title())));
    }

    /** The latest version of an object of the kind (deleted versions included). */
    public Uni<VersionView> latest(Caller caller, UUID org, TypedKind kind, UUID id) {
        return get(caller, org, kind, id).flatMap(object -> objects.latest(caller, org, id));
    }

    /** The static install check of an MCP config's latest version; 409 when the config is deleted. */
    public Uni<McpInstallCheck> installCheck(Caller caller, UUID org, UUID id) {
        return latest(caller, org, TypedKind.MCPS, id).map(version -> {
            if (version.isDeletedVersion()) {
                throw ProblemException.conflict("object-deleted", "the MCP config is deleted; restore it first");
            }
            return McpInspector.inspect(id, version.id(), version.payload());
        });
    }

    /** Every failing field, or the preview; 200 either way. Any member of the organisation may check content. */
    public ContentCheck validate(Caller caller, UUID org, TypedKind kind, TypedRequests.Content request) {
        OrgAccess.member(caller, org, "organisation " + org);
        try {
            ParsedConfig parsed = ConfigParsers.parse(kind.type, source(request));
            return new ContentCheck(true, kind.type.wire(), List.of(), ContentPreview.of(parsed));
        } catch (InvalidContentException e) {
            return new ContentCheck(false, kind.type.wire(), e.errors(), null);
        }
    }

    /** The preview, or the same 422 a create would answer. */
    public ContentPreview preview(Caller caller, UUID org, TypedKind kind, TypedRequests.Content request) {
        OrgAccess.member(caller, org, "organisation " + org);
        return ContentPreview.of(ConfigParsers.parse(kind.type, source(request)));
    }

    private static ConfigObjectView ofKind(TypedKind kind, ConfigObjectView object) {
        if (!kind.type.wire().equals(object.objectType())) {
            throw ProblemException.notFound(kind.type.wire() + " " + object.id());
        }
        return object;
    }

    private static ConfigSource source(TypedRequests.Content request) {
        return new ConfigSource(request.content(), request.fileName(), request.relativePath(), request.title());
    }
}
