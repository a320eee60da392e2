package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Draft actions that never publish: restore an old version, reset to active, rebase onto active. */
final class DraftActionCommands {
    private DraftActionCommands() {}

    @Command(name = "restore", description = "Copy version <n> into the draft (never publishes).")
    static final class Restore extends ApiCommand {
        @Parameters(index = "0", description = "connector id or name")
        String connector;

        @Parameters(index = "1", description = "version number")
        int version;

        @Override
        public Integer call() {
            String id = connectorId(connector);
            JsonNode draft = api().send(
                            "POST",
                            connectorPath(id) + "/draft/restore",
                            ApiClient.JSON.createObjectNode().put("version", version),
                            Map.of())
                    .body();
            DraftActionCommands.done(this, draft, "draft restored from v" + version + " (not published)");
            return ExitCodes.OK;
        }
    }

    @Command(name = "reset", description = "Make the draft a copy of the active version (drops unpublished changes).")
    static final class Reset extends ApiCommand {
        @Parameters(index = "0", description = "connector id or name")
        String connector;

        @Override
        public Integer call() {
            String id = connectorId(connector);
            JsonNode draft = api().send("POST", connectorPath(id) + "/draft/reset", null, Map.of())
                    .body();
            DraftActionCommands.done(this, draft, "draft reset to the active version");
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "rebase",
            description =
                    "Three-way merge the draft onto the active version; conflicts are listed by JSON pointer (exit 4).")
    static final class Rebase extends ApiCommand {
        @Parameters(index = "0", description = "connector id or name")
        String connector;

        @Override
        public Integer call() {
            String id = connectorId(connector);
            JsonNode result = api().send(
                            "POST", connectorPath(id) + "/draft/rebase", ApiClient.JSON.createObjectNode(), Map.of())
                    .body();
            JsonNode conflicts = result.path("conflicts");
            if (conflicts.isArray() && !conflicts.isEmpty()) {
                if (out().json()) {
                    out().json(result);
                } else {
                    out().error("rebase stopped: " + conflicts.size() + " conflict(s), draft unchanged:");
                    conflicts.forEach(c -> out().error("  " + c.path("pointer").asText() + ": draft "
                            + c.path("draft_value") + " / active " + c.path("active_value")));
                }
                return ExitCodes.CONFLICT;
            }
            DraftActionCommands.done(this, result, "draft rebased onto the active version");
            return ExitCodes.OK;
        }
    }

    static void done(ApiCommand command, JsonNode body, String text) {
        if (command.out().json()) {
            command.out().json(body.isObject() ? body : ApiClient.JSON.createObjectNode());
        } else {
            command.out().line(text);
        }
    }
}
