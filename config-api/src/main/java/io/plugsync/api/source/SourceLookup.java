package io.plugsync.api.source;

import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actor;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.source.SourceMapping;
import io.plugsync.common.source.SourceTarget;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Finds a target or mapping for a route, nested ({@code /connector-instances/{instanceId}/...}) or
 * flat ({@code /connector-targets/{id}}, {@code /connector-mappings/{id}}: a null {@code
 * instanceId}), and checks the actor's role on its instance. Anything outside the organisation,
 * or under an instance the actor cannot see, is a 404 of the target or mapping itself.
 */
@ApplicationScoped
public class SourceLookup {
    private final InstanceService instances;
    private final TargetRepository targets;
    private final MappingRepository mappings;

    public SourceLookup(InstanceService instances, TargetRepository targets, MappingRepository mappings) {
        this.instances = instances;
        this.targets = targets;
        this.mappings = mappings;
    }

    /** A target with its instance. */
    public record TargetOf(InstanceView instance, SourceTarget target) {}

    /** A mapping with its instance. */
    public record MappingOf(InstanceView instance, SourceMapping mapping) {}

    /** For reads: the actor holds {@code needed} on the target's instance. */
    public Uni<TargetOf> target(
            SqlClient db, Actor actor, UUID instanceId, UUID id, AccessRole needed, String capability) {
        return target(db, actor, instanceId, id, needed, capability, false);
    }

    /** For changes: as {@link #target}, and the instance is not archived (409). */
    public Uni<TargetOf> liveTarget(
            SqlClient db, Actor actor, UUID instanceId, UUID id, AccessRole needed, String capability) {
        return target(db, actor, instanceId, id, needed, capability, true);
    }

    /** A mapping; {@code live}: for changes (an archived instance is a 409). */
    public Uni<MappingOf> mapping(
            SqlClient db, Actor actor, UUID instanceId, UUID id, AccessRole needed, String capability, boolean live) {
        String what = "mapping " + id;
        return mappings.find(db, actor.organizationId(), instanceId, id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound(what)))
                .flatMap(mapping -> instance(db, actor, mapping.connectorInstanceId(), needed, capability, what, live)
                        .map(instance -> new MappingOf(instance, mapping)));
    }

    private Uni<TargetOf> target(
            SqlClient db, Actor actor, UUID instanceId, UUID id, AccessRole needed, String capability, boolean live) {
        String what = "target " + id;
        return targets.find(db, actor.organizationId(), instanceId, id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound(what)))
                .flatMap(target -> instance(db, actor, target.connectorInstanceId(), needed, capability, what, live)
                        .map(instance -> new TargetOf(instance, target)));
    }

    private Uni<InstanceView> instance(
            SqlClient db,
            Actor actor,
            UUID instanceId,
            AccessRole needed,
            String capability,
            String what,
            boolean live) {
        Uni<InstanceView> found = live
                ? instances.requireLive(db, actor, instanceId, needed, capability)
                : instances.require(db, actor, instanceId, needed, capability);
        return found.onFailure(ProblemException.class)
                .transform(e -> ((ProblemException) e).problem().status() == 404 ? ProblemException.notFound(what) : e);
    }
}
