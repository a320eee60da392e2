package io.plugsync.dispatcher.rollout;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Versions whose pointer is moved by a rollout, not by their publish: the candidates of rollouts
 * that did not complete ({@code connector_rollout}, written by config-api in the publish's
 * transaction, so it is there whenever the publish's event is). Their {@code
 * connector.version.published} writes the version's items but leaves the pointer to the rollout's
 * moves; a completed rollout's candidate is the stable version and delivers like any publish
 * (which the pointer's revision then turns into a no-op or a repair).
 */
@ApplicationScoped
public class HeldVersions {
    private final Pool pool;

    public HeldVersions(Pool pool) {
        this.pool = pool;
    }

    public Uni<Set<Integer>> of(UUID connectorId, Collection<Integer> versions) {
        return pool.preparedQuery("SELECT candidate_version FROM connector_rollout WHERE connector_id = $1"
                        + " AND candidate_version = ANY($2) AND state <> 'completed'")
                .execute(Tuple.of(connectorId, versions.toArray(new Integer[0])))
                .map(rows -> {
                    Set<Integer> out = new HashSet<>();
                    rows.forEach(r -> out.add(r.getInteger("candidate_version")));
                    return out;
                });
    }
}
