package io.plugsync.api.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.draft.DraftChange;
import io.plugsync.api.draft.DraftRow;
import io.plugsync.api.draft.DraftService;
import io.plugsync.api.draft.DraftView;
import io.plugsync.api.draft.IfMatch;
import io.plugsync.api.governance.gate.RefusalJournal;
import io.plugsync.api.rollout.RolloutRequest;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.v3.JsonDiff;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code PUT /config}: replaces the draft with a whole document and, when asked, publishes it in
 * the same transaction under the draft's row lock.
 */
@ApplicationScoped
public class ConfigApplyService {
    private final Pool pool;
    private final DraftService drafts;
    private final Publisher publisher;
    private final IdempotencyKeys keys;
    private final RefusalJournal refusals;

    ConfigApplyService(
            Pool pool, DraftService drafts, Publisher publisher, IdempotencyKeys keys, RefusalJournal refusals) {
        this.pool = pool;
        this.drafts = drafts;
        this.publisher = publisher;
        this.keys = keys;
        this.refusals = refusals;
    }

    /** The result of {@code PUT /config}: the draft and, with {@code publish=true}, the new version. */
    public record ConfigResult(DraftView draft, PublishResult published) {}

    /**
     * One {@code PUT /config}: the connector, its {@code If-Match}, the whole new document and, with
     * {@code publish}, the publish parameters: {@code baseVersion} is required unless {@code force}
     * (publish on whatever is active, recorded as forced in the journal).
     */
    public record Apply(
            UUID connectorId,
            String ifMatch,
            JsonNode document,
            boolean publish,
            Integer baseVersion,
            boolean force,
            String message,
            String idempotencyKey,
            String rollout,
            boolean supersedeRollout) {

        /** A publish names the version it is based on (seed 000's base check), or says force=true. */
        void requireBase() {
            if (!publish) {
                if (rollout != null || supersedeRollout) {
                    throw ProblemException.invalid(
                            "a rollout needs publish=true",
                            List.of(new Problem.FieldError(
                                    rollout != null ? "query:rollout" : "query:supersede_rollout",
                                    "only a publish rolls out; add publish=true",
                                    "unexpected")));
                }
                return;
            }
            if (force && baseVersion != null) {
                throw ProblemException.invalid(
                        "force and base_version exclude each other",
                        List.of(new Problem.FieldError(
                                "query:force", "give either base_version or force=true, not both", "conflict")));
            }
            if (!force && (baseVersion == null || baseVersion < 0)) {
                throw ProblemException.invalid(
                        "base_version is required to publish",
                        List.of(new Problem.FieldError(
                                "query:base_version",
                                "the version your document is based on (0 before the first publish),"
                                        + " or force=true to publish over whatever is active",
                                "required")));
            }
        }
    }

    /**
     * Replaces the draft with the document and, when asked, publishes it in the same transaction.
     * With an {@code Idempotency-Key} a retried apply-and-publish (a CI job run twice) replays the
     * first answer and leaves the draft alone.
     */
    public Uni<ConfigResult> replace(Caller caller, WriterKind writer, Apply apply, Map<String, String> trace) {
        IdempotencyKeys.check(apply.idempotencyKey());
        apply.requireBase();
        UUID connectorId = apply.connectorId();
        JsonNode document = apply.document();
        String key = apply.publish() ? apply.idempotencyKey() : null;
        String requestHash = key == null
                ? null
                : IdempotencyKeys.hash(
                        document, apply.baseVersion(), apply.message(), apply.rollout(), apply.supersedeRollout());
        Uni<ConfigResult> result = pool.withTransaction(db -> drafts.lockForWrite(db, caller, connectorId)
                .flatMap(draft -> keys.replay(db, connectorId, key, requestHash).flatMap(replay -> {
                    if (replay.isPresent()) {
                        return drafts.view(db, connectorId)
                                .map(view -> new ConfigResult(view, replay.get().result()));
                    }
                    IfMatch.check(apply.ifMatch(), draft.revision());
                    if (!apply.publish()) {
                        return store(db, caller, writer, draft, document);
                    }
                    // the key was looked up above, under the same draft lock; the publish
                    // function stores the new document in the draft in the same call
                    DraftService.requireValid(document);
                    List<String> changed = V3Document.sameContent(draft.document(), document)
                            ? null
                            : JsonDiff.changedPaths(draft.document(), document);
                    return publisher
                            .publish(
                                    db,
                                    new PublishCommand(
                                            caller,
                                            writer,
                                            draft,
                                            document,
                                            changed,
                                            apply.baseVersion(),
                                            apply.message(),
                                            trace,
                                            RolloutRequest.ofQuery(apply.rollout(), apply.supersedeRollout())))
                            .call(p -> keys.remember(db, connectorId, key, requestHash, p.result()))
                            .map(p -> new ConfigResult(p.draft(), p.result()));
                })));
        return result.onFailure().call(refusals::recordIfRefused);
    }

    /** Stores {@code document} as the draft, without publishing. */
    private Uni<ConfigResult> store(SqlClient db, Caller caller, WriterKind writer, DraftRow draft, JsonNode document) {
        DraftChange change =
                new DraftChange("replace", document, draft.baseVersion(), draft.restoredFromVersion(), null);
        return drafts.apply(db, caller, writer, draft, change)
                .flatMap(updated -> drafts.viewOf(db, updated))
                .map(view -> new ConfigResult(view, null));
    }
}
