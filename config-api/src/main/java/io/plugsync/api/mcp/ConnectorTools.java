package io.plugsync.api.mcp;

import io.plugsync.api.connector.ConnectorService;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Read-only tools over the connectors the caller can see. */
public class ConnectorTools {
    private final McpCallers callers;
    private final ConnectorService connectors;
    private final ToolResults results;

    public ConnectorTools(McpCallers callers, ConnectorService connectors, ToolResults results) {
        this.callers = callers;
        this.connectors = connectors;
        this.results = results;
    }

    @Tool(
            name = "list_connectors",
            description = "List the connectors of your organisations (one page, ordered by name). Each item has id"
                    + " (use it as connector_id in the other tools), name, kind, active_version (0 = never"
                    + " published) and has_unpublished_changes (the draft differs from the active version)."
                    + " Pass next_cursor back as cursor to get the next page.",
            annotations =
                    @Tool.Annotations(
                            title = "List connectors",
                            readOnlyHint = true,
                            destructiveHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> listConnectors(
            @ToolArg(
                            name = "organization_id",
                            description = "Only this organisation's connectors (UUID); default: all of yours",
                            required = false)
                    String organizationId,
            @ToolArg(name = "cursor", description = "next_cursor of the previous page", required = false) String cursor,
            @ToolArg(name = "limit", description = "Page size, 1 to 200 (default 50)", required = false)
                    Integer limit) {
        return results.run("list_connectors", () -> {
            UUID org = organizationId == null || organizationId.isBlank()
                    ? null
                    : Args.uuid("organization_id", organizationId);
            return connectors.list(callers.current(), org, cursor, limit);
        });
    }
}
