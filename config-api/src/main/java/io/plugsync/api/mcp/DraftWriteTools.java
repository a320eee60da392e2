package io.plugsync.api.mcp;

import io.plugsync.api.draft.DraftCommands;
import io.plugsync.api.draft.RebaseRequest;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.v3.V3Document;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import java.util.Map;

/**
 * Draft writes. Each calls the same {@link DraftCommands} method as the HTTP API, as writer kind
 * {@code mcp}, so it is validated, revisioned and journalled with the token's subject. A write
 * never publishes.
 */
public class DraftWriteTools {
    private static final String IF_REVISION = "Optional: the draft revision you last read (get_draft.revision);"
            + " the write is refused if the draft changed since, so you do not overwrite someone else's edit";
    private static final String WRITE_NOTE = " Returns the updated draft. The whole draft must stay valid: an"
            + " invalid result is refused with every error's JSON pointer and nothing changes. Never publishes.";

    private final McpCallers callers;
    private final DraftCommands commands;
    private final ToolResults results;

    public DraftWriteTools(McpCallers callers, DraftCommands commands, ToolResults results) {
        this.callers = callers;
        this.commands = commands;
        this.results = results;
    }

    @Tool(
            name = "patch_draft",
            description = "Change any part of a connector's draft with a JSON merge patch (RFC 7396): objects merge"
                    + " recursively, a null value removes that member, anything else replaces it. Example:"
                    + " {\"settings\": {\"region\": \"eu\"}, \"entities\": {\"old_entity\": null}}." + WRITE_NOTE,
            annotations =
                    @Tool.Annotations(
                            title = "Patch draft",
                            readOnlyHint = false,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    Uni<ToolResponse> patchDraft(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String connectorId,
            @ToolArg(name = "patch", description = "JSON merge patch of the V3 document") Map<String, Object> patch,
            @ToolArg(name = "if_revision", description = IF_REVISION, required = false) Long ifRevision) {
        return results.run(
                "patch_draft",
                () -> commands.patch(
                        callers.current(),
                        WriterKind.MCP,
                        Args.uuid("connector_id", connectorId),
                        Json.ifMatch(ifRevision),
                        Json.object("patch", patch)));
    }

    @Tool(
            name = "put_entity",
            description = "Create or replace one entity of the draft: {fields: {name: {type, required?, description?}},"
                    + " primary_key?, description?}; field types: string, integer, number, boolean, object, array,"
                    + " datetime. Entity names match ^[a-z][a-z0-9_]{0,63}$." + WRITE_NOTE,
            annotations =
                    @Tool.Annotations(
                            title = "Put entity",
                            readOnlyHint = false,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    Uni<ToolResponse> putEntity(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String connectorId,
            @ToolArg(name = "name", description = "Entity name, e.g. contact") String name,
            @ToolArg(name = "entity", description = "The entity definition") Map<String, Object> entity,
            @ToolArg(name = "if_revision", description = IF_REVISION, required = false) Long ifRevision) {
        return results.run(
                "put_entity",
                () -> commands.putMember(
                        callers.current(),
                        WriterKind.MCP,
                        Args.uuid("connector_id", connectorId),
                        Json.ifMatch(ifRevision),
                        V3Document.ENTITIES,
                        required("name", name),
                        Json.object("entity", entity)));
    }

    @Tool(
            name = "delete_entity",
            description = "Remove one entity from the draft (flows that still use it make the draft invalid, so the"
                    + " removal is refused until they are changed too)." + WRITE_NOTE,
            annotations =
                    @Tool.Annotations(
                            title = "Delete entity",
                            readOnlyHint = false,
                            destructiveHint = true,
                            idempotentHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> deleteEntity(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String connectorId,
            @ToolArg(name = "name", description = "Entity name") String name,
            @ToolArg(name = "if_revision", description = IF_REVISION, required = false) Long ifRevision) {
        return results.run(
                "delete_entity",
                () -> commands.deleteMember(
                        callers.current(),
                        WriterKind.MCP,
                        Args.uuid("connector_id", connectorId),
                        Json.ifMatch(ifRevision),
                        V3Document.ENTITIES,
                        required("name", name)));
    }

    @Tool(
            name = "put_event_flow",
            description = "Create or replace the event flow for one source event type, keyed source/type (e.g."
                    + " hubspot / contact.created): {entity (must exist in the draft), action?: upsert|delete|ignore,"
                    + " mapping?: {field: JSONPath}, filter?, enabled?}." + WRITE_NOTE,
            annotations =
                    @Tool.Annotations(
                            title = "Put event flow",
                            readOnlyHint = false,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    Uni<ToolResponse> putEventFlow(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String connectorId,
            @ToolArg(name = "source", description = "Event source, e.g. hubspot") String source,
            @ToolArg(name = "type", description = "Event type, e.g. contact.created") String type,
            @ToolArg(name = "flow", description = "The flow definition") Map<String, Object> flow,
            @ToolArg(name = "if_revision", description = IF_REVISION, required = false) Long ifRevision) {
        return results.run(
                "put_event_flow",
                () -> commands.putMember(
                        callers.current(),
                        WriterKind.MCP,
                        Args.uuid("connector_id", connectorId),
                        Json.ifMatch(ifRevision),
                        V3Document.EVENT_FLOWS,
                        flowKey(source, type),
                        Json.object("flow", flow)));
    }

    @Tool(
            name = "delete_event_flow",
            description = "Remove the event flow source/type from the draft." + WRITE_NOTE,
            annotations =
                    @Tool.Annotations(
                            title = "Delete event flow",
                            readOnlyHint = false,
                            destructiveHint = true,
                            idempotentHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> deleteEventFlow(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String connectorId,
            @ToolArg(name = "source", description = "Event source, e.g. hubspot") String source,
            @ToolArg(name = "type", description = "Event type, e.g. contact.created") String type,
            @ToolArg(name = "if_revision", description = IF_REVISION, required = false) Long ifRevision) {
        return results.run(
                "delete_event_flow",
                () -> commands.deleteMember(
                        callers.current(),
                        WriterKind.MCP,
                        Args.uuid("connector_id", connectorId),
                        Json.ifMatch(ifRevision),
                        V3Document.EVENT_FLOWS,
                        flowKey(source, type)));
    }

    @Tool(
            name = "put_settings",
            description = "Replace the whole settings object of the draft (to change one setting, prefer patch_draft"
                    + " with {\"settings\": {\"key\": value}})." + WRITE_NOTE,
            annotations =
                    @Tool.Annotations(
                            title = "Put settings",
                            readOnlyHint = false,
                            destructiveHint = true,
                            idempotentHint = true,
                            openWorldHint = false))
    Uni<ToolResponse> putSettings(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String connectorId,
            @ToolArg(name = "settings", description = "The new settings object") Map<String, Object> settings,
            @ToolArg(name = "if_revision", description = IF_REVISION, required = false) Long ifRevision) {
        return results.run(
                "put_settings",
                () -> commands.putSettings(
                        callers.current(),
                        WriterKind.MCP,
                        Args.uuid("connector_id", connectorId),
                        Json.ifMatch(ifRevision),
                        Json.object("settings", settings)));
    }

    @Tool(
            name = "reset_draft",
            description = "Throw away every unpublished change: the draft becomes a copy of the active version and is"
                    + " based on it. Use after a stale-base publish conflict you do not want to rebase."
                    + " Returns the draft.",
            annotations =
                    @Tool.Annotations(
                            title = "Reset draft",
                            readOnlyHint = false,
                            destructiveHint = true,
                            idempotentHint = true,
                            openWorldHint = false))
    Uni<ToolResponse> resetDraft(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String connectorId,
            @ToolArg(name = "if_revision", description = IF_REVISION, required = false) Long ifRevision) {
        return results.run(
                "reset_draft",
                () -> commands.reset(
                        callers.current(),
                        WriterKind.MCP,
                        Args.uuid("connector_id", connectorId),
                        Json.ifMatch(ifRevision)));
    }

    @Tool(
            name = "restore_version",
            description = "Copy an older published version into the draft (replacing the draft's content), based on"
                    + " the active version so it can be published as the next version. Does NOT publish: review with"
                    + " diff, then request_review or publish. Returns the draft.",
            annotations =
                    @Tool.Annotations(
                            title = "Restore version into draft",
                            readOnlyHint = false,
                            destructiveHint = true,
                            idempotentHint = true,
                            openWorldHint = false))
    Uni<ToolResponse> restoreVersion(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String connectorId,
            @ToolArg(name = "version", description = "The published version to restore, 1 or more") Integer version,
            @ToolArg(name = "if_revision", description = IF_REVISION, required = false) Long ifRevision) {
        return results.run("restore_version", () -> {
            if (version == null || version < 1) {
                throw Args.invalid("version", "a published version number (1 or more)");
            }
            return commands.restore(
                    callers.current(),
                    WriterKind.MCP,
                    Args.uuid("connector_id", connectorId),
                    Json.ifMatch(ifRevision),
                    version);
        });
    }

    @Tool(
            name = "rebase_draft",
            description = "Move the draft onto the active version when someone published after your draft started"
                    + " (get_draft.base_is_stale): a three-way merge keeps your changes and theirs. If both changed"
                    + " the same member you get a conflict error listing each pointer with base, draft and active"
                    + " values; call again with resolutions {pointer: \"draft\" | \"active\"} for each. Returns the"
                    + " draft.",
            annotations =
                    @Tool.Annotations(
                            title = "Rebase draft",
                            readOnlyHint = false,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    Uni<ToolResponse> rebaseDraft(
            @ToolArg(name = "connector_id", description = DraftReadTools.CONNECTOR_ID) String connectorId,
            @ToolArg(
                            name = "resolutions",
                            description = "For each conflicting JSON pointer, the side to keep: draft or active",
                            required = false)
                    Map<String, String> resolutions,
            @ToolArg(name = "if_revision", description = IF_REVISION, required = false) Long ifRevision) {
        return results.run(
                "rebase_draft",
                () -> commands.rebase(
                        callers.current(),
                        WriterKind.MCP,
                        Args.uuid("connector_id", connectorId),
                        Json.ifMatch(ifRevision),
                        RebaseRequest.sides(resolutions)));
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw Args.invalid(name, "required");
        }
        return value;
    }

    private static String flowKey(String source, String type) {
        return required("source", source) + "/" + required("type", type);
    }
}
