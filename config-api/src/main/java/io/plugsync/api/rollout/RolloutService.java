package io.plugsync.api.rollout;

import io.plugsync.api.connector.ConnectorAccess;
import io.plugsync.api.governance.policy.PolicyRepository;
import io.plugsync.api.governance.policy.PublishPolicy;
import io.plugsync.api.http.Page;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Cursor;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Reading rollouts and the manual actions on the open one: pause, resume, promote (finish now:
 * every worker runs the candidate) and abort (every worker back to the stable version). Viewers
 * read; editors and above act. An agent (writer {@code agent} or {@code mcp}) may promote or resume
 * only where the organisation lets agents publish ({@code agent_publish = allowed}); pausing and
 * aborting, which only ever stop a rollout, are open to it like to any editor.
 */
@ApplicationScoped
public class RolloutService {
    public static final String MANAGE = "connector:rollout:manage";
    static final int REASON_MAX = 1000;

    private final Pool pool;
    private final ConnectorAccess access;
    private final RolloutRepository rollouts;
    private final RolloutMover mover;
    private final PolicyRepository policies;

    public RolloutService(
            Pool pool,
            ConnectorAccess access,
            RolloutRepository rollouts,
            RolloutMover mover,
            PolicyRepository policies) {
        this.pool = pool;
        this.access = access;
        this.rollouts = rollouts;
        this.mover = mover;
        this.policies = policies;
    }

    /** A manual action on the open rollout. */
    public enum Action {
        PAUSE,
        RESUME,
        PROMOTE,
        ABORT;

        boolean advancesDelivery() {
            return this == PROMOTE || this == RESUME;
        }

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The open rollout, else the newest one; 404 {@code no-rollout} when the connector never had one. */
    public Uni<RolloutView> current(Caller caller, UUID connectorId) {
        return pool.withConnection(db -> access.read(db, caller, connectorId)
                .chain(org -> rollouts.latest(db, connectorId))
                .chain(found -> detail(db, found.orElseThrow(() -> noRollout(connectorId)))));
    }

    public Uni<RolloutView> get(Caller caller, UUID connectorId, UUID rolloutId) {
        return pool.withConnection(db -> access.read(db, caller, connectorId)
                .chain(org -> rollouts.find(db, connectorId, rolloutId))
                .chain(found ->
                        detail(db, found.orElseThrow(() -> ProblemException.notFound("rollout " + rolloutId)))));
    }

    /** The connector's rollouts, newest first. */
    public Uni<Page<RolloutView>> list(Caller caller, UUID connectorId, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        OffsetDateTime beforeCreated;
        UUID beforeId;
        if (cursor == null) {
            beforeCreated = null;
            beforeId = null;
        } else {
            List<String> keys = Cursor.decode(cursor, 2);
            try {
                beforeCreated = OffsetDateTime.parse(keys.get(0));
                beforeId = UUID.fromString(keys.get(1));
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this API issued");
            }
        }
        return pool.withConnection(db -> access.read(db, caller, connectorId)
                .chain(org -> rollouts.page(db, connectorId, beforeCreated, beforeId, size + 1))
                .map(rows -> {
                    boolean more = rows.size() > size;
                    List<RolloutRow> page = more ? rows.subList(0, size) : rows;
                    RolloutRow last = page.isEmpty() ? null : page.get(page.size() - 1);
                    return new Page<>(
                            page.stream()
                                    .map(r -> RolloutView.of(r, null, null))
                                    .toList(),
                            more
                                    ? Cursor.encode(
                                            last.createdAt().toString(),
                                            last.id().toString())
                                    : null);
                }));
    }

    /** Pauses, resumes, promotes or aborts the open rollout; 409 when there is none or its state does not allow it. */
    public Uni<RolloutView> act(Caller caller, WriterKind writer, UUID connectorId, Action action, String reason) {
        if (reason != null && reason.length() > REASON_MAX) {
            throw ProblemException.invalid(
                    "reason is too long",
                    List.of(new Problem.FieldError("/reason", "at most " + REASON_MAX + " characters", "length")));
        }
        Actor actor = Actor.of(caller.subject(), writer);
        return pool.withTransaction(db -> access.require(db, caller, connectorId, OrgRole.EDITOR, MANAGE)
                .call(org -> agentPolicy(db, writer, action, org, connectorId))
                .chain(org -> rollouts.lockOpen(db, connectorId))
                .chain(open -> {
                    RolloutRow r = open.orElseThrow(() -> ProblemException.conflict(
                            "no-open-rollout", "connector " + connectorId + " has no rollout in progress"));
                    return rollouts.now(db).chain(now -> apply(db, r, action, reason, actor, now));
                })
                .chain(r -> detail(db, r)));
    }

    private Uni<RolloutRow> apply(
            SqlClient db, RolloutRow r, Action action, String reason, Actor actor, OffsetDateTime now) {
        String by = actor.subject() + " (" + actor.writerKind() + ")";
        return switch (action) {
            case PAUSE -> {
                requireState(r, RolloutState.IN_PROGRESS, action);
                yield mover.pause(db, r, actor, reason == null ? "paused by " + by : reason, now);
            }
            case RESUME -> {
                requireState(r, RolloutState.PAUSED, action);
                yield mover.resume(db, r, actor, now);
            }
            case PROMOTE ->
                mover.complete(db, r, actor, reason == null ? "promoted by " + by : reason, "rollout_promoted", now);
            case ABORT -> mover.abort(db, r, actor, reason == null ? "aborted by " + by : reason, now);
        };
    }

    private static void requireState(RolloutRow r, RolloutState expected, Action action) {
        if (r.state() != expected) {
            throw new ProblemException(Problem.of(
                            409,
                            "rollout-not-" + expected.wire().replace('_', '-'),
                            "Conflict",
                            action.wire() + " needs a rollout that is " + expected.wire() + "; this one is "
                                    + r.state().wire())
                    .with("rollout_id", r.id())
                    .with("rollout_state", r.state().wire()));
        }
    }

    /** Agents may advance a rollout only where the connector's effective publish policy lets them publish. */
    private Uni<Void> agentPolicy(
            SqlClient db, WriterKind writer, Action action, UUID organizationId, UUID connectorId) {
        if (!action.advancesDelivery() || (writer != WriterKind.AGENT && writer != WriterKind.MCP)) {
            return Uni.createFrom().voidItem();
        }
        return policies.forConnector(db, organizationId, connectorId).map(found -> {
            PublishPolicy policy =
                    found.map(PolicyRepository.ConnectorPolicy::effective).orElse(null);
            if (policy == null || !policy.agentsMayPublish()) {
                throw new ProblemException(Problem.of(
                                403,
                                ProblemException.MISSING_CAPABILITY,
                                "Forbidden",
                                "an agent may " + action.wire() + " a rollout only where the publish policy lets"
                                        + " agents publish (agent_publish = allowed); a person must do it")
                        .with("missing_capability", "connector:rollout:" + action.wire())
                        .with("agent_publish", policy == null ? "never" : policy.agentPublish()));
            }
            return null;
        });
    }

    private Uni<RolloutView> detail(SqlClient db, RolloutRow r) {
        return rollouts.health(db, r)
                .chain(health -> rollouts.moves(db, r.id()).map(moves -> RolloutView.of(r, health, moves)));
    }

    static ProblemException noRollout(UUID connectorId) {
        return new ProblemException(
                Problem.of(404, "no-rollout", "Not found", "connector " + connectorId + " has had no rollout"));
    }
}
