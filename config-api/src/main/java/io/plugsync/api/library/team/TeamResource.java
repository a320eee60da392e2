package io.plugsync.api.library.team;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * {@code /v1/orgs/{orgId}/teams}: teams and their members, the principals of team grants. Reads
 * need membership of the organisation, writes its admin role. A member that is not an active
 * member of the same organisation is a 404, like any other id of another organisation.
 */
@Path("/v1/orgs/{orgId}/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {
    private final TeamService service;
    private final CurrentCaller caller;

    public TeamResource(TeamService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<Page<TeamView>> list(
            @PathParam("orgId") UUID org, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), org, Paging.of(cursor, limit));
    }

    @POST
    public Uni<Response> create(@PathParam("orgId") UUID org, TeamRequest request) {
        return service.create(caller.get(), org, Validation.body(request))
                .map(team -> Response.created(URI.create("/v1/orgs/" + org + "/teams/" + team.id()))
                        .entity(Item.of(team))
                        .build());
    }

    @GET
    @Path("/{teamId}")
    public Uni<Item<TeamView>> get(@PathParam("orgId") UUID org, @PathParam("teamId") UUID id) {
        return service.get(caller.get(), org, id).map(Item::of);
    }

    @PATCH
    @Path("/{teamId}")
    public Uni<Item<TeamView>> rename(@PathParam("orgId") UUID org, @PathParam("teamId") UUID id, TeamRequest request) {
        return service.rename(caller.get(), org, id, Validation.body(request)).map(Item::of);
    }

    @DELETE
    @Path("/{teamId}")
    public Uni<Response> delete(@PathParam("orgId") UUID org, @PathParam("teamId") UUID id) {
        return service.delete(caller.get(), org, id)
                .map(done -> Response.noContent().build());
    }

    /** 201 when the member joined, 200 when it already was a member. */
    @PUT
    @Path("/{teamId}/members/{orgMembershipId}")
    public Uni<Response> addMember(
            @PathParam("orgId") UUID org, @PathParam("teamId") UUID id, @PathParam("orgMembershipId") UUID member) {
        return service.addMember(caller.get(), org, id, member)
                .map(change -> Response.status(change.added() ? 201 : 200)
                        .entity(Item.of(change.member()))
                        .build());
    }

    @DELETE
    @Path("/{teamId}/members/{orgMembershipId}")
    public Uni<Response> removeMember(
            @PathParam("orgId") UUID org, @PathParam("teamId") UUID id, @PathParam("orgMembershipId") UUID member) {
        return service.removeMember(caller.get(), org, id, member)
                .map(done -> Response.noContent().build());
    }
}
