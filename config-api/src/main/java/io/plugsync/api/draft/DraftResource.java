package io.plugsync.api.draft;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Page;
import io.plugsync.api.http.Writers;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Cursor;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.v3.Rebase;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /api/connectors/{id}/draft}: read and edit the one mutable draft of a connector. */
@Path("/api/connectors/{id}/draft")
@Produces(MediaType.APPLICATION_JSON)
public class DraftResource {
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final DraftService drafts;
    private final DraftCommands commands;
    private final CurrentCaller caller;

    public DraftResource(DraftService drafts, DraftCommands commands, CurrentCaller caller) {
        this.drafts = drafts;
        this.commands = commands;
        this.caller = caller;
    }

    @GET
    public Uni<Response> get(@PathParam("id") UUID id) {
        return drafts.view(caller.get(), id).map(DraftResource::ok);
    }

    @PATCH
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    public Uni<Response> patch(
            @PathParam("id") UUID id,
            @HeaderParam(WriterKind.HEADER) String writer,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body) {
        return commands.patch(caller.get(), Writers.parse(writer), id, ifMatch, JsonBodies.parse(body))
                .map(DraftResource::ok);
    }

    @PUT
    @Path("/entities/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> putEntity(
            @PathParam("id") UUID id,
            @PathParam("name") String name,
            @HeaderParam(WriterKind.HEADER) String writer,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body) {
        return commands.putMember(
                        caller.get(),
                        Writers.parse(writer),
                        id,
                        ifMatch,
                        V3Document.ENTITIES,
                        name,
                        JsonBodies.parse(body))
                .map(DraftResource::ok);
    }

    @DELETE
    @Path("/entities/{name}")
    public Uni<Response> deleteEntity(
            @PathParam("id") UUID id,
            @PathParam("name") String name,
            @HeaderParam(WriterKind.HEADER) String writer,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return commands.deleteMember(caller.get(), Writers.parse(writer), id, ifMatch, V3Document.ENTITIES, name)
                .map(DraftResource::ok);
    }

    @PUT
    @Path("/event-flows/{source}/{type}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> putFlow(
            @PathParam("id") UUID id,
            @PathParam("source") String source,
            @PathParam("type") String type,
            @HeaderParam(WriterKind.HEADER) String writer,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body) {
        return commands.putMember(
                        caller.get(),
                        Writers.parse(writer),
                        id,
                        ifMatch,
                        V3Document.EVENT_FLOWS,
                        source + "/" + type,
                        JsonBodies.parse(body))
                .map(DraftResource::ok);
    }

    @DELETE
    @Path("/event-flows/{source}/{type}")
    public Uni<Response> deleteFlow(
            @PathParam("id") UUID id,
            @PathParam("source") String source,
            @PathParam("type") String type,
            @HeaderParam(WriterKind.HEADER) String writer,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return commands.deleteMember(
                        caller.get(), Writers.parse(writer), id, ifMatch, V3Document.EVENT_FLOWS, source + "/" + type)
                .map(DraftResource::ok);
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> putSettings(
            @PathParam("id") UUID id,
            @HeaderParam(WriterKind.HEADER) String writer,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body) {
        return commands.putSettings(caller.get(), Writers.parse(writer), id, ifMatch, JsonBodies.parse(body))
                .map(DraftResource::ok);
    }

    @POST
    @Path("/reset")
    public Uni<Response> reset(
            @PathParam("id") UUID id,
            @HeaderParam(WriterKind.HEADER) String writer,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return commands.reset(caller.get(), Writers.parse(writer), id, ifMatch).map(DraftResource::ok);
    }

    @POST
    @Path("/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> restore(
            @PathParam("id") UUID id,
            @HeaderParam(WriterKind.HEADER) String writer,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            RestoreRequest request) {
        if (request == null || request.version() == null || request.version() < 1) {
            throw ProblemException.invalid(
                    "version is required",
                    List.of(new Problem.FieldError(
                            "/version", "a published version number (>= 1) is required", "required")));
        }
        return commands.restore(caller.get(), Writers.parse(writer), id, ifMatch, request.version())
                .map(DraftResource::ok);
    }

    /**
     * Rebases the draft onto the active version. 200 with the merged draft; 409 {@code
     * rebase-conflict} with {@code conflicts[]} (pointer, base_value, draft_value, active_value) when
     * both sides changed the same member and no resolution names the side to keep.
     */
    @POST
    @Path("/rebase")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> rebase(
            @PathParam("id") UUID id,
            @HeaderParam(WriterKind.HEADER) String writer,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            RebaseRequest request) {
        Map<String, Rebase.Side> resolutions = RebaseRequest.sides(request == null ? null : request.resolutions());
        return commands.rebase(caller.get(), Writers.parse(writer), id, ifMatch, resolutions)
                .map(DraftResource::ok);
    }

    @GET
    @Path("/history")
    public Uni<Page<HistoryEntry>> history(
            @PathParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int size = Cursor.limit(limit);
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(Cursor.decode(cursor, 1).get(0));
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this API issued");
            }
        }
        return drafts.history(caller.get(), id, before, size + 1).map(rows -> {
            List<HistoryEntry> items = rows.subList(0, Math.min(size, rows.size()));
            String next = rows.size() > size
                    ? Cursor.encode(Long.toString(items.get(size - 1).id()))
                    : null;
            return new Page<>(List.copyOf(items), next);
        });
    }

    static Response ok(DraftView view) {
        return Response.ok(view).header(HttpHeaders.ETAG, view.etag()).build();
    }
}
