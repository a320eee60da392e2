package io.plugsync.api.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.draft.DraftRow;
import io.plugsync.api.rollout.RolloutRequest;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.WriterKind;
import java.util.List;
import java.util.Map;

/**
 * What to publish from a draft locked in the current transaction.
 *
 * @param replacement null: publish the draft as stored (the publisher validates it); else publish
 *     this document, already validated by the caller
 * @param changedPaths with a replacement whose content differs from the draft: its changed paths,
 *     and the publish stores the replacement in the draft in the same call; else null
 * @param baseVersion the version the publish is based on; null: a forced publish ({@code PUT /config?force=true})
 *     on the draft's base version, which every publish re-bases to the active one, recorded as forced in
 *     the journal
 * @param rollout the publish's rollout choice
 */
record PublishCommand(
        Caller caller,
        WriterKind writer,
        DraftRow draft,
        JsonNode replacement,
        List<String> changedPaths,
        Integer baseVersion,
        String message,
        Map<String, String> trace,
        RolloutRequest rollout) {

    /** Publishes the locked draft as stored. */
    static PublishCommand ofDraft(
            Caller caller,
            WriterKind writer,
            DraftRow draft,
            Integer baseVersion,
            String message,
            Map<String, String> trace,
            RolloutRequest rollout) {
        return new PublishCommand(caller, writer, draft, null, null, baseVersion, message, trace, rollout);
    }

    /** Whether the caller skipped the base check ({@code force=true}); the journal records it. */
    boolean forced() {
        return baseVersion == null;
    }

    /** The version the publish is based on. */
    int base() {
        return baseVersion == null ? draft.baseVersion() : baseVersion;
    }

    /** The document to publish. */
    JsonNode document() {
        return replacement == null ? draft.document() : replacement;
    }

    /** Whether the publish also stores the replacement in the draft. */
    boolean replacesDraft() {
        return changedPaths != null;
    }
}
