package io.plugsync.api.source;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** {@code /v1/orgs/{orgId}/connector-accounts}. */
@Path("/v1/orgs/{orgId}/connector-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {
    private final AccountService service;
    private final CurrentCaller caller;

    public AccountResource(AccountService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@PathParam("orgId") UUID org, AccountRequests.Create request) {
        return service.create(caller.get(), org, Validation.body(request))
                .map(created -> Response.status(201).entity(Item.of(created)).build());
    }

    @GET
    public Uni<Page<AccountView>> list(
            @PathParam("orgId") UUID org, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), org, Paging.of(cursor, limit));
    }

    @GET
    @Path("/{id}")
    public Uni<Item<AccountView>> get(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.get(caller.get(), org, id).map(Item::of);
    }

    @PATCH
    @Path("/{id}")
    public Uni<Item<AccountView>> update(
            @PathParam("orgId") UUID org, @PathParam("id") UUID id, AccountRequests.Update request) {
        return service.update(caller.get(), org, id, Validation.body(request)).map(Item::of);
    }
}
