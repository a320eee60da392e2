package io.plugsync.api.mcp;

import io.plugsync.api.connector.ConnectorService;
import io.plugsync.api.draft.DraftService;
import io.plugsync.api.draft.DraftView;
import io.plugsync.api.draft.ReviewRequestService;
import io.plugsync.api.org.AgentPublish;
import io.plugsync.api.org.OrgSettingsService;
import io.plugsync.api.publish.PublishRequest;
import io.plugsync.api.publish.PublishService;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.WriterKind;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.UUID;

/**
 * Publishing from an agent. The organisation's {@code agent_publish} policy decides: with {@code
 * never} (the default) a person publishes and the agent asks for a review; with {@code allowed} the
 * agent publishes through the same {@link PublishService} as the HTTP API, with its base_version
 * compare-and-set.
 */
public class PublishTools {
    private final McpCallers callers;
    private final ConnectorService connectors;
    private final OrgSettingsService settings;
    private final DraftService drafts;
    private final PublishService publishes;
    private final ReviewRequestService reviews;
    private final ToolResults results;

    public PublishTools(
            McpCallers callers,
            ConnectorService connectors,
            OrgSettingsService settings,
            DraftService drafts,
            PublishService publishes,
            ReviewRequestService reviews,
            ToolResults results) {
        this.callers = callers;
        this.connectors = connectors;
        this.settings = settings;
        this.drafts = drafts;
        this.publishes = publishes;
        this.reviews = reviews;
        this.results = results;
    }

    @Tool(
            name = "publish",
            description = "Publish the connector's draft as the next immutable version, which workers then run. Only"
                    + " allowed when the organisation lets agents publish (setting agent_publish = allowed); by"
                    + " default a person must publish: then this answers with an error and you should call"
                    + " request_review instead. base_version must be the active version (defaults to the draft's"
                    + " base_version); if someone published meanwhile you get a conflict carrying active_version:"
                    + " rebase_draft, check diff, and publish again on the new base.",
            annotations =
                    @Tool.Annotations(
                            title = "Publish draft",
                            readOnlyHint = false,
                            destructiveHint = false,
                            idempotentHint = false,
                            openWorldHint = true))
    Uni<ToolResponse> publish(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String connectorId,
            @ToolArg(
                            name = "base_version",
                            description =
                                    "The active version your draft is based on; default: the draft's base_version",
                            required = false)
                    Integer baseVersion,
            @ToolArg(name = "message", description = "Why this version exists (shown in the history)", required = false)
                    String message) {
        return results.run("publish", () -> {
            Caller caller = callers.current();
            UUID id = Args.uuid("connector_id", connectorId);
            if (baseVersion != null && baseVersion < 0) {
                throw Args.invalid("base_version", "0 or more");
            }
            return connectors
                    .get(caller, id)
                    .flatMap(connector -> settings.agentPublish(connector.organizationId()))
                    .flatMap(policy -> {
                        if (policy != AgentPublish.ALLOWED) {
                            throw new ToolRefusal("Publishing refused: this organisation requires a person to publish"
                                    + " connector configs (organisation setting agent_publish = never). Your changes"
                                    + " stay in the draft. Call request_review with connector_id and a short summary of"
                                    + " what you changed and why; a person reviews the diff and publishes.");
                        }
                        Uni<Integer> base = baseVersion != null
                                ? Uni.createFrom().item(baseVersion)
                                : drafts.view(caller, id).map(DraftView::baseVersion);
                        return base.flatMap(b -> publishes.publish(
                                caller, WriterKind.MCP, id, new PublishRequest(b, message), null, Map.of()));
                    })
                    .map(PublishService.Outcome::result);
        });
    }

    @Tool(
            name = "request_review",
            description = "Ask a person to review and publish the connector's draft: records your summary in the"
                    + " draft's change journal, where the dashboard's unpublished-changes banner shows it with the"
                    + " diff. Use it when publish is refused, or whenever a person should look first. Does not"
                    + " change the draft.",
            annotations =
                    @Tool.Annotations(
                            title = "Request review",
                            readOnlyHint = false,
                            destructiveHint = false,
                            idempotentHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> requestReview(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String connectorId,
            @ToolArg(
                            name = "summary",
                            description = "What you changed and why, for the reviewer (at most 4000 characters)")
                    String summary) {
        return results.run(
                "request_review",
                () -> reviews.request(
                        callers.current(), WriterKind.MCP, Args.uuid("connector_id", connectorId), summary(summary)));
    }

    private static String summary(String summary) {
        if (summary == null || summary.isBlank()) {
            throw Args.invalid("summary", "required: what you changed and why, for the person who reviews");
        }
        if (summary.length() > ReviewRequestService.MAX_SUMMARY) {
            throw Args.invalid("summary", "at most " + ReviewRequestService.MAX_SUMMARY + " characters");
        }
        return summary;
    }
}
