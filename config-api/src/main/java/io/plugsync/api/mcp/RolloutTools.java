package io.plugsync.api.mcp;

import io.plugsync.api.fleet.FleetService;
import io.plugsync.api.rollout.RolloutService;
import io.plugsync.common.auth.WriterKind;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;

/**
 * Rollouts for agents: read the rollout and the fleet; pause or abort a rollout (they only ever stop
 * one); promote it only where the organisation lets agents publish ({@code agent_publish =
 * allowed}), the same rule as {@code publish}, enforced by the same {@link RolloutService}.
 */
public class RolloutTools {
    private static final String REASON = "Why, for the journal and the people who read the rollout (optional)";

    private final McpCallers callers;
    private final RolloutService rollouts;
    private final FleetService fleet;
    private final ToolResults results;

    public RolloutTools(McpCallers callers, RolloutService rollouts, FleetService fleet, ToolResults results) {
        this.callers = callers;
        this.rollouts = rollouts;
        this.fleet = fleet;
        this.results = results;
    }

    @Tool(
            name = "get_rollout",
            description = "Read the connector's rollout (the one in progress, else the newest): strategy, stable and"
                    + " candidate versions, its steps (share of workers and duration, done/current/pending), the"
                    + " workers' health against its thresholds (candidate vs stable error rate) and every pointer"
                    + " move with its reason. Not found when the connector never had one.",
            annotations =
                    @Tool.Annotations(
                            title = "Get rollout",
                            readOnlyHint = true,
                            destructiveHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> getRollout(@ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String id) {
        return results.run("get_rollout", () -> rollouts.current(callers.current(), Args.uuid("connector_id", id)));
    }

    @Tool(
            name = "get_fleet",
            description = "Read the connector's fleet: each worker's reported version, the version it should run"
                    + " now (target), how long it has lagged behind it, when it last reported; a count of workers"
                    + " per version; and the rollout. First 50 workers by id; pass cursor for more.",
            annotations =
                    @Tool.Annotations(
                            title = "Get fleet",
                            readOnlyHint = true,
                            destructiveHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> getFleet(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String id,
            @ToolArg(name = "cursor", description = "next_cursor of the previous page", required = false)
                    String cursor) {
        return results.run(
                "get_fleet", () -> fleet.view(callers.current(), Args.uuid("connector_id", id), cursor, null));
    }

    @Tool(
            name = "pause_rollout",
            description = "Pause the connector's rollout where it is: no further steps until a person resumes,"
                    + " promotes or aborts it. Workers keep the version they run now.",
            annotations =
                    @Tool.Annotations(
                            title = "Pause rollout",
                            readOnlyHint = false,
                            destructiveHint = false,
                            idempotentHint = false,
                            openWorldHint = true))
    Uni<ToolResponse> pause(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String id,
            @ToolArg(name = "reason", description = REASON, required = false) String reason) {
        return act("pause_rollout", id, RolloutService.Action.PAUSE, reason);
    }

    @Tool(
            name = "abort_rollout",
            description = "Abort the connector's rollout: every worker goes back to the stable version and the"
                    + " candidate is not delivered. Use it when the candidate misbehaves.",
            annotations =
                    @Tool.Annotations(
                            title = "Abort rollout",
                            readOnlyHint = false,
                            destructiveHint = true,
                            idempotentHint = false,
                            openWorldHint = true))
    Uni<ToolResponse> abort(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String id,
            @ToolArg(name = "reason", description = REASON, required = false) String reason) {
        return act("abort_rollout", id, RolloutService.Action.ABORT, reason);
    }

    @Tool(
            name = "promote_rollout",
            description = "Finish the connector's rollout now: every worker runs the candidate. Only allowed where"
                    + " the organisation lets agents publish (agent_publish = allowed); otherwise a person must"
                    + " promote it and this answers with an error.",
            annotations =
                    @Tool.Annotations(
                            title = "Promote rollout",
                            readOnlyHint = false,
                            destructiveHint = false,
                            idempotentHint = false,
                            openWorldHint = true))
    Uni<ToolResponse> promote(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String id,
            @ToolArg(name = "reason", description = REASON, required = false) String reason) {
        return act("promote_rollout", id, RolloutService.Action.PROMOTE, reason);
    }

    private Uni<ToolResponse> act(String tool, String id, RolloutService.Action action, String reason) {
        return results.run(
                tool,
                () -> rollouts.act(callers.current(), WriterKind.MCP, Args.uuid("connector_id", id), action, reason));
    }
}
