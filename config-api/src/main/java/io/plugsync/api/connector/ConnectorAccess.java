package io.plugsync.api.connector;

import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgAccess;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Role checks on one connector: viewers read its config, editors (and above) write drafts and
 * publish. A connector of another organisation, or an archived one, is a 404.
 */
@ApplicationScoped
public class ConnectorAccess {
    public static final String READ = "connector:read";
    public static final String WRITE = "connector:config:write";

    /** The connector's organisation after checking that the caller has at least {@code minimum}. */
    public Uni<UUID> require(SqlClient db, Caller caller, UUID connectorId, OrgRole minimum, String capability) {
        return db.preparedQuery("SELECT organization_id FROM connector WHERE id = $1 AND archived_at IS NULL")
                .execute(Tuple.of(connectorId))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        throw ProblemException.notFound("connector " + connectorId);
                    }
                    UUID organization = it.next().getUUID("organization_id");
                    OrgAccess.require(caller, organization, minimum, capability, "connector " + connectorId);
                    return organization;
                });
    }

    public Uni<UUID> read(SqlClient db, Caller caller, UUID connectorId) {
        return require(db, caller, connectorId, OrgRole.VIEWER, READ);
    }
}
