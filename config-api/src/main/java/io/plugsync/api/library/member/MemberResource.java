package io.plugsync.api.library.member;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** {@code /v1/orgs/{orgId}/members}: the organisation's members, searchable by {@code q}. */
@Path("/v1/orgs/{orgId}/members")
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {
    private static final int MAX_QUERY = 200;
    private final MemberService service;
    private final CurrentCaller caller;

    public MemberResource(MemberService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<Page<MemberView>> list(
            @PathParam("orgId") UUID org,
            @QueryParam("q") String query,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), org, QueryParams.text("q", query, MAX_QUERY), Paging.of(cursor, limit));
    }

    @GET
    @Path("/{memberId}")
    public Uni<Item<MemberView>> get(@PathParam("orgId") UUID org, @PathParam("memberId") UUID id) {
        return service.get(caller.get(), org, id).map(Item::of);
    }
}
