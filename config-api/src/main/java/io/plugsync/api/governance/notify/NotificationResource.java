package io.plugsync.api.governance.notify;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.common.http.Cursor;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * {@code /api/connectors/{id}/notifications}: what the people working on a connector must see
 * (a scheduled publish that failed), until one of them dismisses it.
 */
@Path("/api/connectors/{id}/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    private final NotificationService notifications;
    private final CurrentCaller caller;

    public NotificationResource(NotificationService notifications, CurrentCaller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @GET
    public Uni<Page<NotificationView>> list(
            @PathParam("id") UUID id,
            @QueryParam("include_dismissed") @DefaultValue("false") boolean includeDismissed,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return notifications.list(caller.get(), id, includeDismissed, cursor, Cursor.limit(limit));
    }

    @POST
    @Path("/{notificationId}/dismiss")
    public Uni<Item<NotificationView>> dismiss(
            @PathParam("id") UUID id, @PathParam("notificationId") UUID notificationId) {
        return notifications.dismiss(caller.get(), id, notificationId).map(Item::of);
    }
}
