package io.plugsync.api.governance.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.api.draft.JournalRepository;
import io.plugsync.api.governance.audit.AuditActions;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Journals a refused publish ({@code publish_refused}, with the problem) in a transaction of its
 * own: the publish's transaction rolled back with the refusal. Never fails the caller: the refusal
 * is the answer, a lost journal entry is logged.
 */
@ApplicationScoped
public class RefusalJournal {
    private static final Logger LOG = Logger.getLogger(RefusalJournal.class);

    private final Pool pool;
    private final JournalRepository journal;
    private final ObjectMapper json;

    public RefusalJournal(Pool pool, JournalRepository journal, ObjectMapper json) {
        this.pool = pool;
        this.journal = journal;
        this.json = json;
    }

    /** For {@code .onFailure().call(refusals::recordIfRefused)} on a publish: journals gate refusals only. */
    public Uni<Void> recordIfRefused(Throwable failure) {
        if (!(failure instanceof PublishRefusal refusal)) {
            return Uni.createFrom().voidItem();
        }
        PublishAttempt attempt = refusal.attempt();
        ObjectNode detail = json.valueToTree(refusal.problem());
        detail.put("reason", refusal.reason());
        return pool.withTransaction(db -> journal.record(
                        db,
                        attempt.connectorId(),
                        attempt.draftRevision(),
                        AuditActions.PUBLISH_REFUSED,
                        attempt.writer().wire(),
                        attempt.caller().subject(),
                        List.of(),
                        V3Document.write(detail)))
                .onFailure()
                .recoverWithUni(e -> {
                    LOG.warnf(e, "could not journal a refused publish of connector %s", attempt.connectorId());
                    return Uni.createFrom().voidItem();
                });
    }
}
