package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plugsync review request|approve|request-changes|status}: the review of a connector's draft
 * before publish, through config-api's review API (the same gate as every other writer).
 */
@Command(
        name = "review",
        description = "Ask for, approve and follow the review of a connector's draft before it is published.",
        subcommands = {
            ReviewCommand.Request.class,
            ReviewCommand.Approve.class,
            ReviewCommand.RequestChanges.class,
            ReviewCommand.Status.class
        })
final class ReviewCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "request",
            description = "Ask for a review of the draft as it is now (a frozen snapshot); prints the review id.")
    static final class Request extends ApiCommand {
        @Parameters(index = "0", description = "connector id or name")
        String connector;

        @Option(
                names = {"-m", "--summary"},
                required = true,
                description = "what changed and why, for the reviewers")
        String summary;

        @Override
        public Integer call() {
            String id = connectorId(connector);
            JsonNode review = api().send(
                            "POST",
                            connectorPath(id) + "/reviews",
                            ApiClient.JSON.createObjectNode().put("summary", summary),
                            Map.of())
                    .body()
                    .path("item");
            if (out().json()) {
                out().json(review);
            } else {
                out().line("review " + review.path("id").asText() + " of draft revision "
                        + review.path("draft_revision").asText() + ": " + describe(review));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "approve", description = "Approve the connector's open review (or the one given).")
    static final class Approve extends Verdict {
        @Override
        String action() {
            return "approve";
        }
    }

    @Command(
            name = "request-changes",
            description = "Ask for changes on the connector's open review (or the one given); -m is required.")
    static final class RequestChanges extends Verdict {
        @Override
        String action() {
            return "request-changes";
        }
    }

    /** Approve or request changes: on the review given, else the connector's open review. */
    abstract static class Verdict extends ApiCommand {
        @Parameters(index = "0", description = "connector id or name")
        String connector;

        @Parameters(index = "1", arity = "0..1", description = "review id (default: the open review)")
        String reviewId;

        @Option(
                names = {"-m", "--comment"},
                description = "a comment for the thread")
        String comment;

        abstract String action();

        @Override
        public Integer call() {
            String id = connectorId(connector);
            String review = reviewId != null
                    ? reviewId
                    : openReview(this, id).path("id").asText();
            ObjectNode body = ApiClient.JSON.createObjectNode();
            if (comment != null) {
                body.put("comment", comment);
            }
            JsonNode result = api().send(
                            "POST", connectorPath(id) + "/reviews/" + review + "/" + action(), body, Map.of())
                    .body()
                    .path("item");
            if (out().json()) {
                out().json(result);
            } else {
                out().line("review " + review + ": " + describe(result));
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "status",
            description = "The open review (state, approvals, who asked for changes), the publish policy, a pending"
                    + " scheduled publish and unread notifications. --exit-code: exit 1 unless the draft may be"
                    + " published now as far as reviews go.")
    static final class Status extends ApiCommand {
        @Parameters(index = "0", description = "connector id or name")
        String connector;

        @Option(names = "--exit-code", description = "exit 1 unless the open review is approved (or none is needed)")
        boolean exitCode;

        @Override
        public Integer call() {
            String id = connectorId(connector);
            String base = connectorPath(id);
            JsonNode policy =
                    api().get(base + "/publish-policy").body().path("item").path("effective");
            JsonNode reviews =
                    api().get(base + "/reviews?status=open&limit=1").body().path("items");
            JsonNode review = reviews.isEmpty() ? null : reviews.get(0);
            JsonNode schedules =
                    api().get(base + "/scheduled-publishes?limit=1").body().path("items");
            JsonNode notifications = api().get(base + "/notifications").body().path("items");
            int required = policy.path("required_approvals").asInt();
            boolean publishable = required == 0
                    || review != null && "approved".equals(review.path("state").asText());
            if (out().json()) {
                ObjectNode result = ApiClient.JSON.createObjectNode().put("connector_id", id);
                result.set("policy", policy);
                result.set("review", review);
                result.set("latest_scheduled_publish", schedules.isEmpty() ? null : schedules.get(0));
                result.set("notifications", notifications);
                result.put("publishable", publishable);
                out().json(result);
            } else {
                print(policy, review, schedules, notifications);
            }
            return exitCode && !publishable ? ExitCodes.DIFFERENT : ExitCodes.OK;
        }

        private void print(JsonNode policy, JsonNode review, JsonNode schedules, JsonNode notifications) {
            out().line("policy: " + policy.path("required_approvals").asInt() + " approval(s) by others"
                    + (policy.path("allow_self_approval").asBoolean() ? " (self-approval allowed)" : "")
                    + "; publishers " + join(policy.path("publishers")) + "; agents "
                    + policy.path("agent_publish").asText());
            if (review == null) {
                out().line("review: none open");
            } else {
                out().line("review " + review.path("id").asText() + " by "
                        + review.path("requested_by").asText() + ": " + describe(review));
                out().line("  summary: " + review.path("summary").asText());
                for (JsonNode entry : review.path("thread")) {
                    out().line("  " + entry.path("verdict").asText() + " by "
                            + entry.path("reviewer").asText()
                            + (entry.hasNonNull("comment")
                                    ? ": " + entry.path("comment").asText()
                                    : ""));
                }
            }
            if (!schedules.isEmpty()) {
                JsonNode s = schedules.get(0);
                out().line("scheduled publish " + s.path("id").asText() + " at "
                        + s.path("publish_at").asText()
                        + ": " + s.path("status").asText()
                        + (s.has("failure")
                                ? " (" + s.path("failure").path("detail").asText() + ")"
                                : ""));
            }
            for (JsonNode n : notifications) {
                out().line(out().yellow("notice: " + n.path("message").asText()));
            }
        }
    }

    /** The connector's open review, or exit 6 when there is none. */
    static JsonNode openReview(ApiCommand command, String connectorId) {
        JsonNode items = command.api()
                .get(ApiCommand.connectorPath(connectorId) + "/reviews?status=open&limit=1")
                .body()
                .path("items");
        if (items.isEmpty()) {
            throw new CliException(
                    ExitCodes.NOT_FOUND,
                    "no open review: ask for one with 'plugsync review request <connector> -m ...'");
        }
        return items.get(0);
    }

    /** "approved (2 of 2)", "pending: 1 more approval needed", "changed since review" ... */
    static String describe(JsonNode review) {
        String state = review.path("state").asText();
        int approvals = review.path("approvals").asInt();
        int required = review.path("required_approvals").asInt();
        int missing = review.path("missing_approvals").asInt();
        return switch (state) {
            case "pending" ->
                "pending, " + approvals + " of " + required + " approval(s)"
                        + (missing > 0 ? ", " + missing + " more needed" : "");
            case "approved" -> "approved (" + approvals + " of " + required + ")";
            case "changes_requested" -> "changes requested by " + join(review.path("changes_requested_by"));
            case "changed_since_review" ->
                "changed since review (reviewed revision "
                        + review.path("draft_revision").asText() + ", draft is at "
                        + review.path("current_draft_revision").asText() + "): approvals no longer count";
            case "published" ->
                "published as v" + review.path("published_version").asText();
            default -> state;
        };
    }

    private static String join(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asText()));
        return String.join(", ", out);
    }
}
