package io.plugsync.api.governance.review;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.api.http.Writers;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Cursor;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
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
 * {@code /api/connectors/{id}/reviews}: ask for a review of the draft as it stands (201, or 200 with
 * the open review when it is already of this draft), read reviews and their thread, approve,
 * request changes, comment, withdraw.
 */
@Path("/api/connectors/{id}/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {
    private final ReviewService reviews;
    private final CurrentCaller caller;

    public ReviewResource(ReviewService reviews, CurrentCaller caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> request(
            @PathParam("id") UUID id, @HeaderParam(WriterKind.HEADER) String writer, ReviewRequestBody body) {
        return reviews.request(caller.get(), Writers.parse(writer), id, body == null ? null : body.summary())
                .map(requested -> Response.status(requested.created() ? 201 : 200)
                        .location(URI.create("/api/connectors/" + id + "/reviews/"
                                + requested.review().id()))
                        .entity(Item.of(requested.review()))
                        .build());
    }

    @GET
    public Uni<Page<ReviewView>> list(
            @PathParam("id") UUID id,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return reviews.list(caller.get(), id, status, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{reviewId}")
    public Uni<Item<ReviewView>> get(@PathParam("id") UUID id, @PathParam("reviewId") UUID reviewId) {
        return reviews.get(caller.get(), id, reviewId).map(Item::of);
    }

    @POST
    @Path("/{reviewId}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Item<ReviewView>> approve(
            @PathParam("id") UUID id,
            @PathParam("reviewId") UUID reviewId,
            @HeaderParam(WriterKind.HEADER) String writer,
            VerdictBody body) {
        return reviews.approve(caller.get(), Writers.parse(writer), id, reviewId, comment(body))
                .map(Item::of);
    }

    @POST
    @Path("/{reviewId}/request-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Item<ReviewView>> requestChanges(
            @PathParam("id") UUID id,
            @PathParam("reviewId") UUID reviewId,
            @HeaderParam(WriterKind.HEADER) String writer,
            VerdictBody body) {
        return reviews.requestChanges(caller.get(), Writers.parse(writer), id, reviewId, comment(body))
                .map(Item::of);
    }

    @POST
    @Path("/{reviewId}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Item<ReviewView>> comment(
            @PathParam("id") UUID id,
            @PathParam("reviewId") UUID reviewId,
            @HeaderParam(WriterKind.HEADER) String writer,
            VerdictBody body) {
        return reviews.comment(caller.get(), Writers.parse(writer), id, reviewId, comment(body))
                .map(Item::of);
    }

    @POST
    @Path("/{reviewId}/withdraw")
    public Uni<Item<ReviewView>> withdraw(
            @PathParam("id") UUID id,
            @PathParam("reviewId") UUID reviewId,
            @HeaderParam(WriterKind.HEADER) String writer) {
        return reviews.withdraw(caller.get(), Writers.parse(writer), id, reviewId)
                .map(Item::of);
    }

    private static String comment(VerdictBody body) {
        return body == null ? null : body.comment();
    }
}
