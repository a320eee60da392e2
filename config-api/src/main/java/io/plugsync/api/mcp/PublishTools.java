package io.plugsync.api.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.draft.DraftService;
import io.plugsync.api.draft.DraftView;
import io.plugsync.api.governance.review.ReviewService;
import io.plugsync.api.governance.review.ReviewView;
import io.plugsync.api.publish.PublishRequest;
import io.plugsync.api.publish.PublishService;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.ProblemException;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishing from an agent, through the same {@link PublishService} (and so the same governance
 * gate) as every other writer: the organisation's {@code agent_publish} policy, publisher roles,
 * freeze windows and required approvals all apply. When publishing is refused the agent asks for a
 * review, which returns the review's id, and can follow it with {@code get_review}.
 */
public class PublishTools {
    private final McpCallers callers;
    private final DraftService drafts;
    private final PublishService publishes;
    private final ReviewService reviews;
    private final ToolResults results;

    public PublishTools(
            McpCallers callers,
            DraftService drafts,
            PublishService publishes,
            ReviewService reviews,
            ToolResults results) {
        this.callers = callers;
        this.drafts = drafts;
        this.publishes = publishes;
        this.reviews = reviews;
        this.results = results;
    }

    /** What {@code request_review} answers: the review's id first, then where it stands. */
    public record ReviewRequested(
            UUID reviewId,
            boolean created,
            String state,
            int requiredApprovals,
            int approvals,
            int missingApprovals,
            long draftRevision,
            int activeVersion,
            String summary,
            List<String> changedPaths,
            JsonNode changes,
            String next) {

        static ReviewRequested of(ReviewService.Requested requested) {
            ReviewView r = requested.review();
            return new ReviewRequested(
                    r.id(),
                    requested.created(),
                    r.state(),
                    r.requiredApprovals(),
                    r.approvals(),
                    r.missingApprovals(),
                    r.draftRevision(),
                    r.activeVersion(),
                    r.summary(),
                    r.changedPaths(),
                    r.changes(),
                    "A person reviews the diff in the dashboard and approves; follow the review with get_review"
                            + " (review_id above). Any further draft change makes it changed_since_review.");
        }
    }

    @Tool(
            name = "publish",
            description = "Publish the connector's draft as the next immutable version, which workers then run."
                    + " The organisation's publish policy decides: by default agents may not publish (agent_publish"
                    + " = never) and you get an error telling you to call request_review instead; a policy may also"
                    + " require approvals on a review of exactly this draft, restrict who publishes, or freeze"
                    + " publishing for a while. base_version must be the active version (defaults to the draft's"
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
            Uni<Integer> base = baseVersion != null
                    ? Uni.createFrom().item(baseVersion)
                    : drafts.view(caller, id).map(DraftView::baseVersion);
            return base.flatMap(b -> publishes.publish(
                            caller, WriterKind.MCP, id, new PublishRequest(b, message), null, Map.of()))
                    .map(PublishService.Outcome::result);
        });
    }

    @Tool(
            name = "request_review",
            description = "Ask people to review the connector's draft as it stands: freezes a snapshot (draft revision"
                    + " and its diff against the active version) with your summary, shown in the dashboard where"
                    + " reviewers approve or request changes. Returns review_id. Use it when publish is refused, or"
                    + " whenever a person should look first. Does not change the draft; any later draft change makes"
                    + " the review changed_since_review and its approvals stop counting.",
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
                                callers.current(),
                                WriterKind.MCP,
                                Args.uuid("connector_id", connectorId),
                                summary(summary))
                        .map(ReviewRequested::of));
    }

    @Tool(
            name = "get_review",
            description = "Where a review of the connector's draft stands: state (pending, approved, changes_requested,"
                    + " changed_since_review, published, superseded, withdrawn), approvals and how many are still"
                    + " missing, and the reviewers' thread with their comments. Without review_id: the connector's"
                    + " open review.",
            annotations =
                    @Tool.Annotations(
                            title = "Get review",
                            readOnlyHint = true,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    Uni<ToolResponse> getReview(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String connectorId,
            @ToolArg(name = "review_id", description = "A review id from request_review", required = false)
                    String reviewId) {
        return results.run("get_review", () -> {
            Caller caller = callers.current();
            UUID id = Args.uuid("connector_id", connectorId);
            if (reviewId != null && !reviewId.isBlank()) {
                return reviews.get(caller, id, Args.uuid("review_id", reviewId));
            }
            return reviews.list(caller, id, "open", null, 1)
                    .map(page -> page.items().stream()
                            .findFirst()
                            .orElseThrow(() -> ProblemException.notFound("an open review of connector " + id)));
        });
    }

    private static String summary(String summary) {
        if (summary == null || summary.isBlank()) {
            throw Args.invalid("summary", "required: what you changed and why, for the person who reviews");
        }
        if (summary.length() > ReviewService.MAX_TEXT) {
            throw Args.invalid("summary", "at most " + ReviewService.MAX_TEXT + " characters");
        }
        return summary;
    }
}
