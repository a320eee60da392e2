package io.plugsync.api.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.v3.JsonPointers;
import io.plugsync.common.v3.MergePatch;
import io.plugsync.common.v3.Rebase;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The draft writes of the API, each expressed as a {@link DraftChange} of the locked draft. */
@ApplicationScoped
public class DraftCommands {
    private final DraftService drafts;

    public DraftCommands(DraftService drafts) {
        this.drafts = drafts;
    }

    /** RFC 7396 merge patch of the whole document. */
    public Uni<DraftView> patch(Caller caller, WriterKind writer, UUID id, String ifMatch, JsonNode patch) {
        return drafts.edit(
                caller,
                writer,
                id,
                ifMatch,
                (db, draft) -> same(draft, "patch", MergePatch.apply(draft.document(), patch)));
    }

    /** Replaces the whole document (setup scripts: {@code PUT /config}). */
    public Uni<DraftView> replace(Caller caller, WriterKind writer, UUID id, String ifMatch, JsonNode document) {
        return drafts.edit(caller, writer, id, ifMatch, (db, draft) -> same(draft, "replace", document));
    }

    public Uni<DraftView> putMember(
            Caller caller, WriterKind writer, UUID id, String ifMatch, String section, String key, JsonNode value) {
        String action = "put_" + singular(section);
        return drafts.edit(
                caller,
                writer,
                id,
                ifMatch,
                (db, draft) -> same(draft, action, DraftService.withMember(draft.document(), section, key, value)));
    }

    public Uni<DraftView> deleteMember(
            Caller caller, WriterKind writer, UUID id, String ifMatch, String section, String key) {
        String action = "delete_" + singular(section);
        return drafts.edit(caller, writer, id, ifMatch, (db, draft) -> {
            if (DraftService.member(draft.document(), section, key).isEmpty()) {
                throw new ProblemException(Problem.of(
                                404,
                                "not-found",
                                "Not found",
                                singular(section).replace('_', ' ') + " '" + key + "' is not in the draft")
                        .with("pointer", JsonPointers.child("/" + section, key)));
            }
            return same(draft, action, DraftService.withMember(draft.document(), section, key, null));
        });
    }

    public Uni<DraftView> putSettings(Caller caller, WriterKind writer, UUID id, String ifMatch, JsonNode settings) {
        return drafts.edit(caller, writer, id, ifMatch, (db, draft) -> {
            ObjectNode copy = ((ObjectNode) draft.document()).deepCopy();
            copy.set(V3Document.SETTINGS, settings);
            return same(draft, "put_settings", copy);
        });
    }

    /** The draft becomes a copy of the active version and is based on it. */
    public Uni<DraftView> reset(Caller caller, WriterKind writer, UUID id, String ifMatch) {
        return drafts.edit(
                caller,
                writer,
                id,
                ifMatch,
                (db, draft) -> drafts.active(db, id)
                        .map(active -> new DraftChange(
                                "reset",
                                active.document(),
                                active.version(),
                                null,
                                detail("active_version", active.version()))));
    }

    /**
     * Copies version {@code n} into the draft, based on the active version so it can be published
     * as the next one. Never publishes.
     */
    public Uni<DraftView> restore(Caller caller, WriterKind writer, UUID id, String ifMatch, int version) {
        return drafts.edit(
                caller,
                writer,
                id,
                ifMatch,
                (db, draft) -> drafts.versionDocument(db, id, version)
                        .flatMap(document -> drafts.active(db, id)
                                .map(active -> new DraftChange(
                                        "restore", document, active.version(), version, detail("version", version)))));
    }

    /**
     * Three-way merge of the draft onto the active version, its base version as the ancestor.
     * Conflicts not covered by {@code resolutions} give a 409 listing them; the draft is unchanged.
     */
    public Uni<DraftView> rebase(
            Caller caller, WriterKind writer, UUID id, String ifMatch, Map<String, Rebase.Side> resolutions) {
        return drafts.edit(
                caller,
                writer,
                id,
                ifMatch,
                (db, draft) -> drafts.active(db, id).flatMap(active -> {
                    if (active.version() == draft.baseVersion()) {
                        return Uni.createFrom()
                                .item(new DraftChange(
                                        "rebase",
                                        draft.document(),
                                        draft.baseVersion(),
                                        draft.restoredFromVersion(),
                                        null));
                    }
                    return drafts.versionDocument(db, id, draft.baseVersion()).map(ancestor -> {
                        Rebase.Result result = Rebase.merge(ancestor, draft.document(), active.document(), resolutions);
                        if (!result.clean()) {
                            throw new ProblemException(Problem.of(
                                            409,
                                            "rebase-conflict",
                                            "Conflict",
                                            result.conflicts().size() + " change(s) of the draft conflict with version "
                                                    + active.version()
                                                    + "; send resolutions {pointer: \"draft\"|\"active\"} for each")
                                    .with("base_version", draft.baseVersion())
                                    .with("active_version", active.version())
                                    .with("conflicts", result.conflicts()));
                        }
                        ObjectNode detail = detail("from_version", draft.baseVersion());
                        detail.put("to_version", active.version());
                        detail.put("resolved", resolutions.size());
                        return new DraftChange("rebase", result.merged(), active.version(), null, detail);
                    });
                }));
    }

    private static Uni<DraftChange> same(DraftRow draft, String action, JsonNode document) {
        return Uni.createFrom()
                .item(new DraftChange(action, document, draft.baseVersion(), draft.restoredFromVersion(), null));
    }

    private static ObjectNode detail(String name, int value) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put(name, value);
        return detail;
    }

    private static String singular(String section) {
        return List.of(V3Document.ENTITIES).contains(section) ? "entity" : "event_flow";
    }
}
