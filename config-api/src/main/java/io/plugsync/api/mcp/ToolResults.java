package io.plugsync.api.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Turns service results into MCP tool results: success as the same snake_case JSON the HTTP API
 * answers, failures as {@code isError} results with an actionable message (never a protocol
 * error or a stack trace).
 */
@ApplicationScoped
public class ToolResults {
    private static final Logger LOG = Logger.getLogger(ToolResults.class);

    /** What an agent should do next, by problem reason. */
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry(
                    "stale-base-version",
                    "someone published after your draft started. Call rebase_draft (or reset_draft), check diff,"
                            + " then publish with base_version = active_version."),
            Map.entry(
                    "stale-revision",
                    "the draft changed since you read it. Call get_draft and redo your change on it."),
            Map.entry(
                    "rebase-conflict",
                    "call rebase_draft again with resolutions {pointer: \"draft\" | \"active\"} for each conflict."),
            Map.entry(
                    "validation-failed",
                    "fix the members at the JSON pointers above (validate_draft with a patch tries a change without"
                            + " storing it), then retry."),
            Map.entry(
                    "missing-capability",
                    "your role in this organisation does not allow this (required_org_role above); ask an admin or"
                            + " owner."),
            Map.entry(
                    "missing-resource-role",
                    "your role on this resource is too weak (required_role above); ask one of its managers to"
                            + " share it with you at that role."),
            Map.entry("no-changes", "the draft equals the active version: there is nothing to publish."),
            Map.entry(
                    "agent-publish-not-allowed",
                    "a person must publish here. Call request_review with connector_id and a short summary of what"
                            + " you changed and why; keep the review_id it returns."),
            Map.entry(
                    "review-required",
                    "call request_review with a summary; people approve it in the dashboard, then publish again."),
            Map.entry(
                    "changed-since-review",
                    "the draft changed after the review was requested. Call request_review again for the draft as it"
                            + " is."),
            Map.entry(
                    "approvals-missing",
                    "wait for the missing approvals (get_review shows who approved); do not change the draft"
                            + " meanwhile, that resets them."),
            Map.entry(
                    "changes-requested",
                    "read the reviewers' comments with get_review, change the draft, then request_review again."),
            Map.entry("publish-frozen", "publishing is frozen until freeze_ends_at; try again after it."));

    private final ObjectMapper json;

    public ToolResults(ObjectMapper json) {
        this.json = json;
    }

    /** Runs {@code call} (which may throw before returning a Uni) and maps its outcome. */
    public <T> Uni<ToolResponse> run(String tool, Supplier<Uni<T>> call) {
        Uni<T> result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            return Uni.createFrom().item(error(tool, e));
        }
        return result.map(this::success).onFailure().recoverWithItem(e -> error(tool, e));
    }

    public ToolResponse success(Object value) {
        if (value instanceof String text) {
            return ToolResponse.success(text);
        }
        return ToolResponse.success(new TextContent(write(value)));
    }

    public ToolResponse error(String tool, Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return ToolResponse.error(describe(problem.problem()));
        }
        if (failure instanceof ToolRefusal refusal) {
            return ToolResponse.error(refusal.getMessage());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "MCP tool %s failed (incident %s)", tool, incident);
        return ToolResponse.error("Internal error in " + tool + " (incident " + incident
                + "); nothing is known to have changed. Retry later or ask an operator.");
    }

    /** A problem as text an agent can act on: title, detail, each failing JSON pointer, extra fields. */
    String describe(Problem problem) {
        StringBuilder text = new StringBuilder();
        text.append(problem.title())
                .append(" (")
                .append(problem.status())
                .append(' ')
                .append(reason(problem.type()))
                .append(')');
        if (problem.detail() != null) {
            text.append(": ").append(problem.detail());
        }
        if (problem.errors() != null) {
            for (Problem.FieldError error : problem.errors()) {
                text.append("\n- ").append(error.pointer()).append(": ").append(error.message());
            }
        }
        for (Map.Entry<String, Object> extra : problem.extensions().entrySet()) {
            text.append("\n").append(extra.getKey()).append(": ").append(write(extra.getValue()));
        }
        String hint = HINTS.get(reason(problem.type()));
        if (hint != null) {
            text.append("\nHint: ").append(hint);
        }
        text.append("\nproblem: ").append(write(problem));
        return text.toString();
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tool result", e);
        }
    }

    private static String reason(String type) {
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }
}
