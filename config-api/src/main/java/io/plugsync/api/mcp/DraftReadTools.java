package io.plugsync.api.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.draft.DraftService;
import io.plugsync.api.version.VersionService;
import io.plugsync.common.http.Problem;
import io.plugsync.common.v3.MergePatch;
import io.plugsync.common.v3.V3Error;
import io.plugsync.common.v3.V3Validator;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/** Read-only tools over a connector's draft and published versions. */
public class DraftReadTools {
    static final String CONNECTOR_ID = "Connector id (UUID) from list_connectors";

    private final McpCallers callers;
    private final DraftService drafts;
    private final VersionService versions;
    private final ToolResults results;

    public DraftReadTools(McpCallers callers, DraftService drafts, VersionService versions, ToolResults results) {
        this.callers = callers;
        this.drafts = drafts;
        this.versions = versions;
        this.results = results;
    }

    @Tool(
            name = "get_draft",
            description = "Read a connector's draft: the V3 document you edit ({entities, event_flows, settings}),"
                    + " its revision (pass it as if_revision to writes to avoid overwriting someone else's edit),"
                    + " base_version (the version it started from), active_version, has_unpublished_changes and"
                    + " base_is_stale (someone published after the draft started: rebase_draft before publishing).",
            annotations =
                    @Tool.Annotations(
                            title = "Get draft",
                            readOnlyHint = true,
                            destructiveHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> getDraft(@ToolArg(name = "connector_id", description = CONNECTOR_ID) String connectorId) {
        return results.run("get_draft", () -> drafts.view(callers.current(), Args.uuid("connector_id", connectorId)));
    }

    @Tool(
            name = "get_active",
            description = "Read the active (published) version of a connector: what workers run now. Not found"
                    + " with active_version 0 when nothing was published yet.",
            annotations =
                    @Tool.Annotations(
                            title = "Get active version",
                            readOnlyHint = true,
                            destructiveHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> getActive(@ToolArg(name = "connector_id", description = CONNECTOR_ID) String connectorId) {
        return results.run(
                "get_active", () -> versions.active(callers.current(), Args.uuid("connector_id", connectorId)));
    }

    @Tool(
            name = "get_version",
            description = "Read one published version of a connector (immutable): document, checksum, who published"
                    + " it and why, and the version it was based on.",
            annotations =
                    @Tool.Annotations(
                            title = "Get version",
                            readOnlyHint = true,
                            destructiveHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> getVersion(
            @ToolArg(name = "connector_id", description = CONNECTOR_ID) String connectorId,
            @ToolArg(name = "version", description = "Version number, 1 or more") Integer version) {
        return results.run("get_version", () -> {
            if (version == null || version < 1) {
                throw Args.invalid("version", "a published version number (1 or more)");
            }
            return versions.get(callers.current(), Args.uuid("connector_id", connectorId), version);
        });
    }

    @Tool(
            name = "list_versions",
            description = "List a connector's published versions, newest first, with who published each, its"
                    + " message and whether it is active. Returns {items, next_cursor}.",
            annotations =
                    @Tool.Annotations(
                            title = "List versions",
                            readOnlyHint = true,
                            destructiveHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> listVersions(
            @ToolArg(name = "connector_id", description = CONNECTOR_ID) String connectorId,
            @ToolArg(name = "cursor", description = "next_cursor of the previous page", required = false) String cursor,
            @ToolArg(name = "limit", description = "Page size, 1 to 200 (default 50)", required = false)
                    Integer limit) {
        return results.run(
                "list_versions",
                () -> versions.list(callers.current(), Args.uuid("connector_id", connectorId), cursor, limit));
    }

    @Tool(
            name = "diff",
            description = "Compare two documents of a connector: by default the active version (from) and the draft"
                    + " (to), or any two of 'draft', 'active' and a version number. Returns has_changes, an RFC 6902"
                    + " JSON patch from -> to, and a per-section summary (entities, event_flows, settings: added,"
                    + " removed, changed keys). Use it to review your change before asking for a review.",
            annotations =
                    @Tool.Annotations(
                            title = "Diff",
                            readOnlyHint = true,
                            destructiveHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> diff(
            @ToolArg(name = "connector_id", description = CONNECTOR_ID) String connectorId,
            @ToolArg(name = "from", description = "'active' (default), 'draft' or a version number", required = false)
                    String from,
            @ToolArg(name = "to", description = "'draft' (default), 'active' or a version number", required = false)
                    String to) {
        return results.run(
                "diff", () -> versions.diff(callers.current(), Args.uuid("connector_id", connectorId), from, to));
    }

    @Tool(
            name = "validate_draft",
            description = "Check a connector's draft against the V3 rules (JSON Schema plus references, e.g. a flow's"
                    + " entity must exist) without changing anything. With patch, checks the draft as it would be"
                    + " after that JSON merge patch (a dry run of patch_draft). Returns {valid, errors[]} where each"
                    + " error has a JSON pointer into the document and a message; fix those and validate again.",
            annotations =
                    @Tool.Annotations(
                            title = "Validate draft",
                            readOnlyHint = true,
                            destructiveHint = false,
                            openWorldHint = false))
    Uni<ToolResponse> validateDraft(
            @ToolArg(name = "connector_id", description = CONNECTOR_ID) String connectorId,
            @ToolArg(
                            name = "patch",
                            description = "Optional JSON merge patch (RFC 7396) to try on top of the draft",
                            required = false)
                    Map<String, Object> patch) {
        return results.run(
                "validate_draft",
                () -> drafts.view(callers.current(), Args.uuid("connector_id", connectorId))
                        .map(draft -> {
                            JsonNode document = patch == null
                                    ? draft.document()
                                    : MergePatch.apply(draft.document(), Json.object("patch", patch));
                            List<V3Error> errors = V3Validator.get().validate(document);
                            return new Validation(
                                    errors.isEmpty(),
                                    draft.revision(),
                                    patch != null,
                                    errors.stream()
                                            .map(e -> new Problem.FieldError(e.pointer(), e.message(), e.code()))
                                            .toList());
                        }));
    }

    /** The answer of validate_draft. */
    record Validation(boolean valid, long revision, boolean withPatch, List<Problem.FieldError> errors) {}
}
