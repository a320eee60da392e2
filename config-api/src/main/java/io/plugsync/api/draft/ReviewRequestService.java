package io.plugsync.api.draft;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.v3.DiffSummary;
import io.plugsync.common.v3.JsonDiff;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Records a request that a person review and publish the draft: a {@code review_requested} entry
 * in the draft journal (which the dashboard banner reads), written under the draft's row lock with
 * the same access check as any draft write. The draft itself is not changed.
 */
@ApplicationScoped
public class ReviewRequestService {
    private static final String ACTION = "review_requested";
    public static final int MAX_SUMMARY = 4000;

    private final Pool pool;
    private final DraftService drafts;
    private final JournalRepository journal;

    public ReviewRequestService(Pool pool, DraftService drafts, JournalRepository journal) {
        this.pool = pool;
        this.drafts = drafts;
        this.journal = journal;
    }

    /** What was recorded. */
    public record ReviewRequest(
            UUID connectorId,
            long revision,
            int baseVersion,
            int activeVersion,
            boolean hasUnpublishedChanges,
            String summary,
            List<String> changedPaths,
            DiffSummary changes,
            String requestedBy,
            OffsetDateTime requestedAt) {}

    /** Journals {@code summary} (non-blank, at most {@link #MAX_SUMMARY} characters, checked by the caller). */
    public Uni<ReviewRequest> request(Caller caller, WriterKind writer, UUID connectorId, String summary) {
        String text = summary.strip();
        return pool.withTransaction(db -> drafts.lockForWrite(db, caller, connectorId)
                .flatMap(draft -> drafts.active(db, connectorId).flatMap(active -> {
                    List<String> paths = JsonDiff.changedPaths(active.document(), draft.document());
                    DiffSummary changes = DiffSummary.of(active.document(), draft.document());
                    ObjectNode detail = JsonNodeFactory.instance.objectNode();
                    detail.put("summary", text);
                    detail.put("base_version", draft.baseVersion());
                    detail.put("active_version", active.version());
                    detail.set("changes", V3Document.mapper().valueToTree(changes));
                    return journal.record(
                                    db,
                                    connectorId,
                                    draft.revision(),
                                    ACTION,
                                    writer.wire(),
                                    caller.subject(),
                                    paths,
                                    V3Document.write(detail))
                            .map(done -> new ReviewRequest(
                                    connectorId,
                                    draft.revision(),
                                    draft.baseVersion(),
                                    active.version(),
                                    !paths.isEmpty(),
                                    text,
                                    paths,
                                    changes,
                                    caller.subject(),
                                    OffsetDateTime.now()));
                })));
    }
}
