package io.plugsync.api.governance.notify;

import io.plugsync.api.connector.ConnectorAccess;
import io.plugsync.api.http.Page;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.Cursor;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** A connector's notifications: members read them, editors dismiss them. */
@ApplicationScoped
public class NotificationService {
    static final String DISMISS_CAPABILITY = "connector:notification:dismiss";

    private final Pool pool;
    private final ConnectorAccess access;
    private final NotificationRepository notifications;

    public NotificationService(Pool pool, ConnectorAccess access, NotificationRepository notifications) {
        this.pool = pool;
        this.access = access;
        this.notifications = notifications;
    }

    public Uni<Page<NotificationView>> list(
            Caller caller, UUID connectorId, boolean includeDismissed, String cursor, int limit) {
        OffsetDateTime beforeAt = null;
        UUID beforeId = null;
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            try {
                beforeAt = OffsetDateTime.parse(keys.get(0));
                beforeId = UUID.fromString(keys.get(1));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this API issued");
            }
        }
        OffsetDateTime at = beforeAt;
        UUID id = beforeId;
        return pool.withConnection(db -> access.read(db, caller, connectorId)
                        .flatMap(org -> notifications.page(db, connectorId, includeDismissed, at, id, limit + 1)))
                .map(rows -> {
                    List<NotificationView> items = rows.subList(0, Math.min(limit, rows.size()));
                    String next = rows.size() > limit
                            ? Cursor.encode(
                                    items.get(limit - 1).createdAt().toString(),
                                    items.get(limit - 1).id().toString())
                            : null;
                    return new Page<>(List.copyOf(items), next);
                });
    }

    public Uni<NotificationView> dismiss(Caller caller, UUID connectorId, UUID notificationId) {
        return pool.withTransaction(db -> access.require(db, caller, connectorId, OrgRole.EDITOR, DISMISS_CAPABILITY)
                .flatMap(org -> notifications.dismiss(db, connectorId, notificationId, caller.subject()))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("notification " + notificationId))));
    }
}
