package io.plugsync.api.mcp;

import io.plugsync.api.mcp.library.LibraryReadService;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Read-only tools over the config library (skills, MCP servers, commands, agents ...) the caller can see. */
public class LibraryTools {
    private final McpCallers callers;
    private final LibraryReadService library;
    private final ToolResults results;

    public LibraryTools(McpCallers callers, LibraryReadService library, ToolResults results) {
        this.callers = callers;
        this.library = library;
        this.results = results;
    }

    @Tool(
            name = "search_config_objects",
            description = "Search the config library objects you can see (skills, mcp servers, commands, agents,"
                    + " hooks, context, custom) by words in their title, description and indexed text. Objects are"
                    + " private by default: you see those you created, were granted (directly, through a team or"
                    + " org-wide, or through a plugin), or all of them if you are an organisation owner/admin."
                    + " Returns {items, next_cursor}; pass next_cursor back as cursor for more.",
            annotations =
                    @Tool.Annotations(
                            title = "Search config library",
                            readOnlyHint = true,
                            destructiveHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> searchConfigObjects(
            @ToolArg(name = "query", description = "Words to look for; empty lists everything", required = false)
                    String query,
            @ToolArg(
                            name = "object_type",
                            description = "Only this type: skill, mcp, command, agent, hook, context or custom",
                            required = false)
                    String objectType,
            @ToolArg(name = "organization_id", description = "Only this organisation (UUID)", required = false)
                    String organizationId,
            @ToolArg(name = "cursor", description = "next_cursor of the previous page", required = false) String cursor,
            @ToolArg(name = "limit", description = "Page size, 1 to 50 (default 50)", required = false) Integer limit) {
        return results.run("search_config_objects", () -> {
            UUID org = organizationId == null || organizationId.isBlank()
                    ? null
                    : Args.uuid("organization_id", organizationId);
            return library.search(callers.current(), org, query, blankToNull(objectType), cursor, limit);
        });
    }

    @Tool(
            name = "get_config_object",
            description = "Get one config library object you can see by id: type, title, description, slug, source,"
                    + " status and how many versions it has. An object you may not see is reported as not found.",
            annotations =
                    @Tool.Annotations(
                            title = "Get config object",
                            readOnlyHint = true,
                            destructiveHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> getConfigObject(
            @ToolArg(name = "config_object_id", description = "The object's id (UUID)") String configObjectId) {
        return results.run(
                "get_config_object",
                () -> library.get(callers.current(), Args.uuid("config_object_id", configObjectId)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
