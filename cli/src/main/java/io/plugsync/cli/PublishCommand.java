package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "publish", description = "Publish the connector's current draft (on the version it is based on).")
final class PublishCommand extends ApiCommand {
    @Parameters(index = "0", description = "connector id or name")
    String connector;

    @Option(
            names = {"-m", "--message"},
            description = "publish message")
    String message;

    @Option(names = "--base-version", description = "expected active version (default: the draft's base version)")
    Integer baseVersion;

    @Option(names = "--wait-replicated", description = "wait until the version reached the DynamoDB replica")
    boolean waitReplicated;

    @Option(names = "--timeout", description = "for --wait-replicated (default 60s)", defaultValue = "60s")
    String timeout;

    @Option(
            names = "--rollout",
            description = "roll the version out in steps, e.g. linear:25%/10m (default: the connector's or"
                    + " organisation's default)")
    String rollout;

    @Option(names = "--supersede-rollout", description = "replace a rollout still in progress")
    boolean supersedeRollout;

    @Override
    public Integer call() {
        String id = connectorId(connector);
        JsonNode draft = api().get(connectorPath(id) + "/draft").body();
        int base =
                baseVersion != null ? baseVersion : draft.path("base_version").asInt();
        ObjectNode body = ApiClient.JSON.createObjectNode().put("base_version", base);
        if (message != null) {
            body.put("message", message);
        }
        if (rollout != null) {
            body.put("rollout", rollout);
        }
        if (supersedeRollout) {
            body.put("supersede_rollout", true);
        }
        String key = "plugsync-cli-publish-" + id + "-" + base + "-"
                + draft.path("revision").asLong()
                + (rollout == null && !supersedeRollout ? "" : "-" + (rollout + ":" + supersedeRollout).hashCode());
        JsonNode published = api().send("POST", connectorPath(id) + "/publish", body, Map.of("Idempotency-Key", key))
                .body();
        int version = published.path("version").asInt();
        if (waitReplicated) {
            Receipts.awaitReplicated(api(), id, version, Receipts.parse(timeout));
        }
        if (out().json()) {
            out().json(published);
        } else {
            out().line("published v" + version + (waitReplicated ? ", replicated" : "") + " (checksum "
                    + published.path("checksum").asText() + ")"
                    + (published.path("rollout").isObject()
                            ? "; rolling out "
                                    + published.path("rollout").path("spec").asText()
                            : ""));
        }
        return ExitCodes.OK;
    }
}
