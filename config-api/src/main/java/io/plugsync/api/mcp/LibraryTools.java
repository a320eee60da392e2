package io.plugsync.api.mcp;

import io.plugsync.api.library.object.ConfigObjectService;
import io.plugsync.api.library.object.ObjectFilter;
import io.plugsync.api.library.support.Paging;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * Read-only tools over the config library (skills, MCP servers, commands, agents ...), through the
 * same {@link ConfigObjectService} as {@code /v1/orgs/{orgId}/config-objects}, so the library's
 * visibility rules (private by default, grants, plugins, org admins) apply unchanged.
 */
public class LibraryTools {
    private static final String ORG = "Organisation id (UUID); may be omitted when you belong to one organisation";

    private final McpCallers callers;
    private final ConfigObjectService objects;
    private final ToolResults results;

    public LibraryTools(McpCallers callers, ConfigObjectService objects, ToolResults results) {
        this.callers = callers;
        this.objects = objects;
        this.results = results;
    }

    @Tool(
            name = "search_config_objects",
            description = "Search the config library objects you can see (skills, mcp servers, commands, agents,"
                    + " hooks, context, custom) by words in their title, description and indexed text. Objects are"
                    + " private by default: you see those you created or were granted (directly, through a team,"
                    + " org-wide or through a plugin), or all of them as an organisation owner/admin."
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
            @ToolArg(name = "organization_id", description = ORG, required = false) String organizationId,
            @ToolArg(name = "cursor", description = "next_cursor of the previous page", required = false) String cursor,
            @ToolArg(name = "limit", description = "Page size, 1 to 200 (default 50)", required = false)
                    Integer limit) {
        return results.run("search_config_objects", () -> {
            Caller caller = callers.current();
            ObjectFilter filter = ObjectFilter.search(blankToNull(objectType), blankToNull(query));
            return objects.list(caller, organisation(caller, organizationId), filter, Paging.of(cursor, limit));
        });
    }

    @Tool(
            name = "get_config_object",
            description = "Get one config library object you can see by id: type, title, description, status,"
                    + " its latest content and your role on it. An object you may not see is reported as not found.",
            annotations =
                    @Tool.Annotations(
                            title = "Get config object",
                            readOnlyHint = true,
                            destructiveHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> getConfigObject(
            @ToolArg(name = "config_object_id", description = "The object's id (UUID)") String configObjectId,
            @ToolArg(name = "organization_id", description = ORG, required = false) String organizationId) {
        return results.run("get_config_object", () -> {
            Caller caller = callers.current();
            UUID id = Args.uuid("config_object_id", configObjectId);
            return objects.get(caller, organisation(caller, organizationId), id);
        });
    }

    private static UUID organisation(Caller caller, String organizationId) {
        if (organizationId != null && !organizationId.isBlank()) {
            return Args.uuid("organization_id", organizationId);
        }
        if (caller.orgRoles().size() == 1) {
            return caller.orgRoles().keySet().iterator().next();
        }
        throw ProblemException.invalid(
                "organization_id is required when you belong to several organisations (or none)",
                List.of(new Problem.FieldError("/organization_id", "required", "required")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
