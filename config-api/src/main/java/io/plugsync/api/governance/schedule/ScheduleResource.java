package io.plugsync.api.governance.schedule;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.api.http.Writers;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Cursor;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * {@code /api/connectors/{id}/scheduled-publishes}: publish the draft as it is now at a later time
 * (201), list and read scheduled publishes and their outcome, cancel a pending one ({@code DELETE}).
 */
@Path("/api/connectors/{id}/scheduled-publishes")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {
    private final ScheduleService schedules;
    private final CurrentCaller caller;

    public ScheduleResource(ScheduleService schedules, CurrentCaller caller) {
        this.schedules = schedules;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> schedule(
            @PathParam("id") UUID id, @HeaderParam(WriterKind.HEADER) String writer, ScheduleRequest request) {
        return schedules
                .schedule(caller.get(), Writers.parse(writer), id, request)
                .map(view -> Response.status(201)
                        .location(URI.create("/api/connectors/" + id + "/scheduled-publishes/" + view.id()))
                        .entity(Item.of(view))
                        .build());
    }

    @GET
    public Uni<Page<ScheduleView>> list(
            @PathParam("id") UUID id,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return schedules.list(caller.get(), id, status, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{scheduleId}")
    public Uni<Item<ScheduleView>> get(@PathParam("id") UUID id, @PathParam("scheduleId") UUID scheduleId) {
        return schedules.get(caller.get(), id, scheduleId).map(Item::of);
    }

    @DELETE
    @Path("/{scheduleId}")
    public Uni<Item<ScheduleView>> cancel(
            @PathParam("id") UUID id,
            @PathParam("scheduleId") UUID scheduleId,
            @HeaderParam(WriterKind.HEADER) String writer) {
        return schedules
                .cancel(caller.get(), Writers.parse(writer), id, scheduleId)
                .map(Item::of);
    }
}
