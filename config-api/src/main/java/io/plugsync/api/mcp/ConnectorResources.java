package io.plugsync.api.mcp;

import io.plugsync.api.draft.DraftService;
import io.plugsync.api.version.VersionService;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.v3.V3Document;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpException;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.ResourceTemplateArg;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Each visible connector's draft and active V3 document as MCP resources (same access rules as the
 * tools: another organisation's connector is not found).
 */
public class ConnectorResources {
    static final String DRAFT = "plugsync://connectors/{connector_id}/draft";
    static final String ACTIVE = "plugsync://connectors/{connector_id}/active";
    private static final String JSON = "application/json";

    private final McpCallers callers;
    private final DraftService drafts;
    private final VersionService versions;

    public ConnectorResources(McpCallers callers, DraftService drafts, VersionService versions) {
        this.callers = callers;
        this.drafts = drafts;
        this.versions = versions;
    }

    @ResourceTemplate(
            uriTemplate = DRAFT,
            name = "connector_draft",
            title = "Connector draft document",
            description = "The V3 document of a connector's draft (what the next publish would make active).",
            mimeType = JSON)
    Uni<TextResourceContents> draft(@ResourceTemplateArg(name = "connector_id") String connectorId, RequestUri uri) {
        return guarded(() -> drafts.view(callers.current(), id(connectorId))
                .map(view -> new TextResourceContents(uri.value(), V3Document.write(view.document()), JSON)));
    }

    @ResourceTemplate(
            uriTemplate = ACTIVE,
            name = "connector_active",
            title = "Connector active document",
            description = "The V3 document of a connector's active (published) version: what workers run.",
            mimeType = JSON)
    Uni<TextResourceContents> active(@ResourceTemplateArg(name = "connector_id") String connectorId, RequestUri uri) {
        return guarded(() -> versions.active(callers.current(), id(connectorId))
                .map(view -> new TextResourceContents(uri.value(), V3Document.write(view.document()), JSON)));
    }

    private static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new McpException("connector_id is not a UUID: " + value, JsonRpcErrorCodes.INVALID_PARAMS);
        }
    }

    /** Resource reads have no tool-error form: problems become JSON-RPC errors with their detail. */
    private static Uni<TextResourceContents> guarded(java.util.function.Supplier<Uni<TextResourceContents>> read) {
        Uni<TextResourceContents> result;
        try {
            result = read.get();
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(translate(e));
        }
        return result.onFailure().transform(ConnectorResources::translate);
    }

    private static Throwable translate(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            int code = problem.problem().status() == 404
                    ? JsonRpcErrorCodes.RESOURCE_NOT_FOUND
                    : problem.problem().status() == 403
                            ? JsonRpcErrorCodes.SECURITY_ERROR
                            : JsonRpcErrorCodes.INVALID_PARAMS;
            return new McpException(problem.getMessage(), code);
        }
        return failure;
    }
}
