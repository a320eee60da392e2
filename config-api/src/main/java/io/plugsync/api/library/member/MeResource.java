package io.plugsync.api.library.member;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/me}: the caller's subject and organisations (what the dashboard opens with). */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    private final MemberService service;
    private final CurrentCaller caller;

    public MeResource(MemberService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<Item<MeView>> me() {
        return service.me(caller.get()).map(Item::of);
    }
}
