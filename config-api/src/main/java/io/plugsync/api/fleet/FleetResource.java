package io.plugsync.api.fleet;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemResponses;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /api/connectors/{id}/fleet} (viewers and above) and {@code POST .../fleet/reports}
 * (worker credentials): 202 with what was stored, 429 {@code report-rate-limited} with {@code
 * Retry-After}, 429 {@code fleet-full}.
 */
@Path("/api/connectors/{id}/fleet")
@Produces(MediaType.APPLICATION_JSON)
public class FleetResource {
    private final FleetService fleet;
    private final CurrentCaller caller;
    private final JsonWebToken token;

    public FleetResource(FleetService fleet, CurrentCaller caller, JsonWebToken token) {
        this.fleet = fleet;
        this.caller = caller;
        this.token = token;
    }

    @GET
    public Uni<FleetView> view(
            @PathParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return fleet.view(caller.get(), id, cursor, limit);
    }

    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> report(@PathParam("id") UUID id, FleetReportRequest body) {
        return fleet.report(WorkerCredential.from(token), caller.get(), id, body)
                .map(FleetResource::response);
    }

    private static Response response(FleetService.Outcome outcome) {
        if (outcome instanceof FleetService.Outcome.Accepted a) {
            return Response.status(202).entity(a.result()).build();
        }
        if (outcome instanceof FleetService.Outcome.RateLimited r) {
            return Response.fromResponse(ProblemResponses.of(Problem.of(
                                    429,
                                    "report-rate-limited",
                                    "Too many requests",
                                    "this worker reported less than the minimum interval ago; its counts wait for"
                                            + " the next report")
                            .with("retry_after_seconds", r.retryAfterSeconds())))
                    .header("Retry-After", r.retryAfterSeconds())
                    .build();
        }
        FleetService.Outcome.FleetFull f = (FleetService.Outcome.FleetFull) outcome;
        return ProblemResponses.of(Problem.of(
                        429,
                        "fleet-full",
                        "Too many requests",
                        "the connector already has " + f.maxWorkers() + " workers reporting; stale ones leave after"
                                + " the retention time")
                .with("max_workers", f.maxWorkers()));
    }
}
