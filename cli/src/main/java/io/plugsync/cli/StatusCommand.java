package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = "Active version, draft state and replication of a connector.")
final class StatusCommand extends ApiCommand {
    @Parameters(index = "0", description = "connector id or name")
    String connector;

    @Override
    public Integer call() {
        String id = connectorId(connector);
        JsonNode draft = api().get(connectorPath(id) + "/draft").body();
        int active = draft.path("active_version").asInt();
        JsonNode receipt = active > 0
                ? api().get(connectorPath(id) + "/versions/" + active + "/status")
                        .body()
                : null;
        if (out().json()) {
            ObjectNode result = ApiClient.JSON.createObjectNode().put("connector_id", id);
            result.set("active_version", draft.path("active_version"));
            result.set("base_version", draft.path("base_version"));
            result.set("has_unpublished_changes", draft.path("has_unpublished_changes"));
            result.set("draft_revision", draft.path("revision"));
            result.set("updated_by", draft.path("updated_by"));
            result.set("updated_at", draft.path("updated_at"));
            result.put(
                    "replicated", receipt != null && receipt.path("replicated").asBoolean());
            out().json(result);
            return ExitCodes.OK;
        }
        boolean unpublished = draft.path("has_unpublished_changes").asBoolean();
        int base = draft.path("base_version").asInt();
        out().table(
                        List.of("connector", "active", "replicated", "draft", "based on", "last edit"),
                        List.of(List.of(
                                connector,
                                active == 0 ? "-" : "v" + active,
                                receipt == null
                                        ? "-"
                                        : receipt.path("replicated").asBoolean() ? "yes" : "not yet",
                                unpublished ? out().yellow("unpublished changes") : "= active",
                                "v" + base + (base != active ? " (stale: active is v" + active + ")" : ""),
                                draft.path("updated_by").asText("") + " "
                                        + draft.path("updated_at").asText(""))));
        return ExitCodes.OK;
    }
}
