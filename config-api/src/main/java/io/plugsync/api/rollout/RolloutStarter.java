package io.plugsync.api.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rollout side of a publish, in the publish's transaction right after the version is written:
 * refuses a publish while a rollout is open (409 {@code rollout-in-progress}) unless it supersedes
 * it, and starts the rollout the publish asked for (or the connector's, else the organisation's
 * default). A publish without any delivers all at once, as before: the dispatcher flips the pointer
 * for every worker.
 */
@ApplicationScoped
public class RolloutStarter {
    private final RolloutRepository rollouts;
    private final RolloutMover mover;

    public RolloutStarter(RolloutRepository rollouts, RolloutMover mover) {
        this.rollouts = rollouts;
        this.mover = mover;
    }

    /**
     * One publish just written.
     *
     * @param version the version the publish wrote (the previous active one is {@code version - 1})
     * @param rollout the request's rollout (object or short form), null for the defaults
     * @param pointer where {@code rollout} was in the request, for errors
     * @param supersede whether the publish replaces an open rollout
     */
    public record Published(
            UUID connectorId,
            UUID organizationId,
            int version,
            JsonNode rollout,
            String pointer,
            boolean supersede,
            Caller caller,
            WriterKind writer) {}

    /** The rollout started, or empty when the version goes to every worker at once. */
    public Uni<Optional<RolloutSummary>> afterPublish(SqlClient db, Published p) {
        Optional<RolloutSpec> requested = RolloutSpecs.parse(p.rollout(), p.pointer());
        Actor actor = Actor.of(p.caller().subject(), p.writer());
        return rollouts.publishContext(db, p.connectorId(), p.organizationId()).chain(context -> {
            Optional<RolloutRow> open = context.open();
            if (open.isPresent() && !p.supersede()) {
                RolloutRow r = open.get();
                throw new ProblemException(Problem.of(
                                409,
                                "rollout-in-progress",
                                "Conflict",
                                "version " + r.candidateVersion() + " is being rolled out ("
                                        + r.state().wire()
                                        + "); promote, abort or wait for it, or publish with supersede_rollout")
                        .with("rollout_id", r.id())
                        .with("rollout_state", r.state().wire())
                        .with("candidate_version", r.candidateVersion())
                        .with("stable_version", r.stableVersion()));
            }
            RolloutSpec spec = requested
                    .or(() -> RolloutSpecs.parse(context.connectorDefault(), "/rollout"))
                    .or(() -> RolloutSpecs.parse(context.organizationDefault(), "/rollout"))
                    .orElse(RolloutSpec.ALL_AT_ONCE);
            Uni<Void> superseded = open.isPresent()
                    ? rollouts.now(db)
                            .chain(now -> mover.supersede(db, open.get(), actor, p.version(), now))
                            .replaceWithVoid()
                    : Uni.createFrom().voidItem();
            if (spec.allAtOnce()) {
                return superseded.replaceWith(Optional.<RolloutSummary>empty());
            }
            return superseded.chain(() -> stableVersion(db, p, open)).chain(stable -> {
                if (stable < 1) {
                    if (requested.isPresent()) {
                        throw ProblemException.invalid(
                                "nothing to roll out from",
                                List.of(new Problem.FieldError(
                                        p.pointer(),
                                        "version " + p.version() + " is the first: no workers run an"
                                                + " earlier version; publish it all at once",
                                        "no-stable-version")));
                    }
                    return Uni.createFrom().item(Optional.<RolloutSummary>empty());
                }
                RolloutPlan plan = RolloutPlan.of(spec);
                return rollouts.insert(
                                db,
                                p.connectorId(),
                                p.organizationId(),
                                p.version(),
                                stable,
                                plan,
                                plan.duration(0),
                                actor.subject(),
                                actor.writerKind())
                        .chain(row -> mover.start(db, row, actor, row.createdAt()))
                        .map(row -> Optional.of(RolloutSummary.of(row)));
            });
        });
    }

    /**
     * The version the other workers keep: a superseded rollout's stable one; after a rollback or an
     * abort of the previous version, that rollout's stable one (the workers never ran the previous
     * version); else the previous version.
     */
    private Uni<Integer> stableVersion(SqlClient db, Published p, Optional<RolloutRow> superseded) {
        if (superseded.isPresent()) {
            return Uni.createFrom().item(superseded.get().stableVersion());
        }
        int previous = p.version() - 1;
        return rollouts.latest(db, p.connectorId())
                .map(latest -> latest.filter(r -> r.candidateVersion() == previous
                                && (r.state() == RolloutState.ROLLED_BACK || r.state() == RolloutState.ABORTED))
                        .map(RolloutRow::stableVersion)
                        .orElse(previous));
    }
}
