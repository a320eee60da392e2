package io.plugsync.api.publish;

import io.plugsync.api.draft.DraftRow;
import io.plugsync.api.draft.DraftService;
import io.plugsync.api.governance.gate.RefusalJournal;
import io.plugsync.api.rollout.RolloutRequest;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publish: draft -> immutable version N+1 + active flag + event flow manifests + outbox event +
 * journal (+ the rollout it asks for), in one transaction under the draft's row lock, which serialises publishes of one
 * connector so that of several publishes on the same base exactly one wins.
 */
@ApplicationScoped
public class PublishService {
    private final Pool pool;
    private final DraftService drafts;
    private final Publisher publisher;
    private final IdempotencyKeys keys;
    private final RefusalJournal refusals;

    PublishService(Pool pool, DraftService drafts, Publisher publisher, IdempotencyKeys keys, RefusalJournal refusals) {
        this.pool = pool;
        this.drafts = drafts;
        this.publisher = publisher;
        this.keys = keys;
        this.refusals = refusals;
    }

    /** The answer to a publish: 201 with the result, or the replay of an earlier answer. */
    public record Outcome(int status, PublishResult result, boolean replayed) {}

    /**
     * Publishes the stored draft on {@code request.base_version}. With an {@code idempotencyKey} the
     * same request again replays the first answer, and a different request under it is a 422.
     */
    public Uni<Outcome> publish(
            Caller caller,
            WriterKind writer,
            UUID connectorId,
            PublishRequest request,
            String idempotencyKey,
            Map<String, String> trace) {
        if (request == null || request.baseVersion() == null || request.baseVersion() < 0) {
            throw ProblemException.invalid(
                    "base_version is required",
                    List.of(new Problem.FieldError(
                            "/base_version",
                            "the version your draft is based on (0 before the first publish)",
                            "required")));
        }
        IdempotencyKeys.check(idempotencyKey);
        String requestHash = IdempotencyKeys.hash(request);
        Uni<Outcome> outcome = pool.withTransaction(db -> drafts.lockForWrite(db, caller, connectorId)
                .flatMap(draft -> keys.replay(db, connectorId, idempotencyKey, requestHash)
                        .flatMap(replay -> replay.isPresent()
                                ? Uni.createFrom()
                                        .item(new Outcome(
                                                replay.get().status(),
                                                replay.get().result(),
                                                true))
                                : publisher
                                        .publish(
                                                db,
                                                PublishCommand.ofDraft(
                                                        caller,
                                                        writer,
                                                        draft,
                                                        request.baseVersion(),
                                                        request.message(),
                                                        trace,
                                                        new RolloutRequest(
                                                                request.rollout(), "/rollout", request.supersedes())))
                                        .call(p ->
                                                keys.remember(db, connectorId, idempotencyKey, requestHash, p.result()))
                                        .map(p -> new Outcome(201, p.result(), false)))));
        return outcome.onFailure().call(refusals::recordIfRefused);
    }

    /**
     * Publishes a draft the caller already locked in its transaction {@code db} (a scheduled
     * publish), through the same publisher and gate as every other publish. It rolls out by the
     * connector's or organisation's rollout default and, like any publish, is refused while another
     * rollout is open (it never supersedes one).
     */
    public Uni<PublishResult> publishLocked(
            SqlClient db,
            Caller caller,
            WriterKind writer,
            DraftRow draft,
            int baseVersion,
            String message,
            Map<String, String> trace) {
        return publisher
                .publish(
                        db,
                        PublishCommand.ofDraft(
                                caller,
                                writer,
                                draft,
                                baseVersion,
                                message,
                                trace,
                                new RolloutRequest(null, "rollout", false)))
                .map(Publication::result);
    }
}
