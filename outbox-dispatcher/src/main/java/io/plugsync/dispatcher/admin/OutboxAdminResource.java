package io.plugsync.dispatcher.admin;

import io.plugsync.common.http.ProblemException;
import io.plugsync.dispatcher.drift.DriftChecker;
import io.plugsync.dispatcher.drift.DriftReport;
import io.plugsync.dispatcher.library.LibraryDriftChecker;
import io.plugsync.dispatcher.library.LibraryDriftReport;
import io.plugsync.dispatcher.outbox.DeadEvent;
import io.plugsync.dispatcher.outbox.OutboxDrainer;
import io.plugsync.dispatcher.outbox.OutboxRepository;
import io.plugsync.dispatcher.outbox.OutboxStats;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * Operator endpoints of the dispatcher. They act across organisations, so an organisation role is
 * not enough: the bearer token must carry the {@value #OPERATOR} role in its {@code groups} claim.
 */
@Path("/admin/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OutboxAdminResource.OPERATOR)
public class OutboxAdminResource {
    public static final String OPERATOR = "plugsync-operator";

    private final OutboxRepository repository;
    private final OutboxDrainer drainer;
    private final DriftChecker drift;
    private final LibraryDriftChecker libraryDrift;

    public OutboxAdminResource(
            OutboxRepository repository, OutboxDrainer drainer, DriftChecker drift, LibraryDriftChecker libraryDrift) {
        this.repository = repository;
        this.drainer = drainer;
        this.drift = drift;
        this.libraryDrift = libraryDrift;
    }

    /** Dead events, oldest first; {@code cursor} is the {@code next_cursor} of the previous page. */
    @GET
    @Path("/dead")
    public Uni<DeadPage> dead(@QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.badRequest("invalid-limit", "limit must be between 1 and 500");
        }
        long after;
        try {
            after = cursor == null || cursor.isBlank() ? 0 : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-cursor", "cursor is not one this endpoint returned");
        }
        return repository
                .dead(after, limit)
                .map(items -> new DeadPage(
                        items,
                        items.size() == limit
                                ? Long.toString(items.get(items.size() - 1).seq())
                                : null));
    }

    @POST
    @Path("/dead/{id}/retry")
    public Uni<Retried> retry(@PathParam("id") UUID id) {
        return repository.retryDead(id).map(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("dead outbox event " + id);
            }
            drainer.wake();
            return new Retried(1);
        });
    }

    @POST
    @Path("/dead/retry")
    public Uni<Retried> retryAll() {
        return repository.retryAllDead().invoke(drainer::wake).map(Retried::new);
    }

    @GET
    @Path("/stats")
    public Uni<OutboxStats> stats() {
        return repository.stats();
    }

    /** Runs the drift check now and enqueues repairs. */
    @POST
    @Path("/drift-check")
    public Uni<DriftReport> driftCheck() {
        return drift.check();
    }

    /** Re-resolves every plugin and principal against the library replica now, repairing what differs. */
    @POST
    @Path("/library-drift-check")
    public Uni<LibraryDriftReport> libraryDriftCheck() {
        return libraryDrift.check();
    }

    public record DeadPage(List<DeadEvent> items, String nextCursor) {}

    public record Retried(int retried) {}
}
