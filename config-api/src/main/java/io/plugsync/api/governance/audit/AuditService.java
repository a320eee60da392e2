package io.plugsync.api.governance.audit;

import io.plugsync.api.connector.ConnectorAccess;
import io.plugsync.api.http.Page;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.Cursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The audit trail of a connector's governance: any member of its organisation reads it. */
@ApplicationScoped
public class AuditService {
    private final Pool pool;
    private final ConnectorAccess access;
    private final AuditRepository audit;

    public AuditService(Pool pool, ConnectorAccess access, AuditRepository audit) {
        this.pool = pool;
        this.access = access;
        this.audit = audit;
    }

    /** Entries of {@code actions} older than {@code beforeId}, newest first, {@code limit} per page. */
    public Uni<Page<AuditEntry>> page(Caller caller, UUID connectorId, List<String> actions, Long beforeId, int limit) {
        return pool.withConnection(db -> access.read(db, caller, connectorId)
                        .flatMap(org -> audit.page(db, connectorId, actions, beforeId, limit + 1)))
                .map(rows -> {
                    List<AuditEntry> items = rows.subList(0, Math.min(limit, rows.size()));
                    String next = rows.size() > limit
                            ? Cursor.encode(Long.toString(items.get(limit - 1).id()))
                            : null;
                    return new Page<>(List.copyOf(items), next);
                });
    }
}
