package io.plugsync.api.mcp;

import io.plugsync.api.library.delivery.MyPluginsService;
import io.plugsync.common.auth.Caller;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * The plugins the caller may install, through the same {@link MyPluginsService} as {@code
 * /v1/me/plugins}: read from the library replica the outbox-dispatcher delivers, never PostgreSQL.
 */
public class MyPluginTools {
    private static final String ORG_ARG = "organization_id";
    private static final String ORG = "Organisation id (UUID); may be omitted when you belong to one organisation";

    private final McpCallers callers;
    private final MyPluginsService plugins;
    private final ToolResults results;

    public MyPluginTools(McpCallers callers, MyPluginsService plugins, ToolResults results) {
        this.callers = callers;
        this.plugins = plugins;
        this.results = results;
    }

    @Tool(
            name = "list_my_plugins",
            description = "List the plugins you may install: active plugins granted to you (directly, through a"
                    + " team or org-wide) or created by you. Each item has plugin_id, name, description, version,"
                    + " checksum and its members (config_object_id, object_type, title, version_id, path) without"
                    + " content; call get_my_plugin for the files. Returns {items}.",
            annotations =
                    @Tool.Annotations(
                            title = "List my plugins",
                            readOnlyHint = true,
                            destructiveHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> listMyPlugins(
            @ToolArg(name = ORG_ARG, description = ORG, required = false) String organizationId) {
        return results.run("list_my_plugins", () -> {
            Caller caller = callers.current();
            return plugins.list(caller, MyPluginsService.organisation(caller, organizationId, ORG_ARG));
        });
    }

    @Tool(
            name = "get_my_plugin",
            description = "Get one plugin you may install, whole: every member's path inside the plugin"
                    + " (skills/<name>/SKILL.md, commands/<name>.md, ...) and its content, to write them as files."
                    + " A plugin you may not use, or that is not active, is reported as not found.",
            annotations =
                    @Tool.Annotations(
                            title = "Get my plugin",
                            readOnlyHint = true,
                            destructiveHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> getMyPlugin(
            @ToolArg(name = "plugin_id", description = "The plugin's id (UUID), from list_my_plugins") String pluginId,
            @ToolArg(name = ORG_ARG, description = ORG, required = false) String organizationId) {
        return results.run("get_my_plugin", () -> {
            Caller caller = callers.current();
            UUID id = Args.uuid("plugin_id", pluginId);
            return plugins.get(caller, MyPluginsService.organisation(caller, organizationId, ORG_ARG), id);
        });
    }
}
