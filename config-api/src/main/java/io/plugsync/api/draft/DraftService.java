package io.plugsync.api.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.api.connector.ConnectorAccess;
import io.plugsync.api.version.VersionRepository;
import io.plugsync.api.version.VersionRow;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgAccess;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.v3.JsonDiff;
import io.plugsync.common.v3.V3Document;
import io.plugsync.common.v3.V3Error;
import io.plugsync.common.v3.V3Validator;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The single write path of connector config: every draft change (from any writer) is validated,
 * stored with a new revision and journalled here, under the draft's row lock.
 */
@ApplicationScoped
public class DraftService {
    private final Pool pool;
    private final ConnectorAccess access;
    private final DraftRepository drafts;
    private final VersionRepository versions;
    private final JournalRepository journal;

    public DraftService(
            Pool pool,
            ConnectorAccess access,
            DraftRepository drafts,
            VersionRepository versions,
            JournalRepository journal) {
        this.pool = pool;
        this.access = access;
        this.drafts = drafts;
        this.versions = versions;
        this.journal = journal;
    }

    public Uni<DraftView> view(Caller caller, UUID connectorId) {
        return pool.withConnection(db -> access.read(db, caller, connectorId).flatMap(org -> view(db, connectorId)));
    }

    /** The draft as it is now, with the active version. */
    public Uni<DraftView> view(SqlClient db, UUID connectorId) {
        return drafts.find(db, connectorId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("connector " + connectorId)))
                .flatMap(draft -> viewOf(db, draft));
    }

    public Uni<DraftView> viewOf(SqlClient db, DraftRow draft) {
        return versions.active(db, draft.connectorId())
                .map(active -> DraftView.of(
                        draft,
                        active.map(VersionRow::version).orElse(0),
                        active.map(VersionRow::document).orElse(null)));
    }

    /**
     * Runs one draft write in its own transaction: checks the caller may write, locks the draft,
     * checks {@code If-Match}, computes the change from the locked row and applies it.
     */
    public Uni<DraftView> edit(
            Caller caller,
            WriterKind writer,
            UUID connectorId,
            String ifMatch,
            BiFunction<SqlClient, DraftRow, Uni<DraftChange>> change) {
        return pool.withTransaction(db -> lockForWrite(db, caller, connectorId)
                .invoke(draft -> IfMatch.check(ifMatch, draft.revision()))
                .flatMap(draft -> change.apply(db, draft).flatMap(next -> apply(db, caller, writer, draft, next)))
                .flatMap(updated -> viewOf(db, updated)));
    }

    /**
     * The draft row locked for the rest of the transaction, after checking that the caller may write
     * it (one statement: the lock query also reads the connector's organisation; a caller who may not
     * write only ever holds the lock until the transaction rolls back).
     */
    public Uni<DraftRow> lockForWrite(SqlClient db, Caller caller, UUID connectorId) {
        return drafts.lock(db, connectorId).map(found -> {
            DraftRow draft = found.orElseThrow(() -> ProblemException.notFound("connector " + connectorId));
            OrgAccess.require(
                    caller, draft.organizationId(), OrgRole.EDITOR, ConnectorAccess.WRITE, "connector " + connectorId);
            return draft;
        });
    }

    /**
     * Validates and stores a change of a locked draft and journals it; a change that alters nothing
     * is not stored. Returns the draft as it now is.
     */
    public Uni<DraftRow> apply(SqlClient db, Caller caller, WriterKind writer, DraftRow locked, DraftChange change) {
        requireValid(change.document());
        if (V3Document.sameContent(locked.document(), change.document())
                && locked.baseVersion() == change.baseVersion()
                && Objects.equals(locked.restoredFromVersion(), change.restoredFromVersion())) {
            return Uni.createFrom().item(locked);
        }
        List<String> paths = JsonDiff.changedPaths(locked.document(), change.document());
        return drafts.update(
                db,
                locked,
                change.document(),
                change.baseVersion(),
                change.restoredFromVersion(),
                caller.subject(),
                writer.wire(),
                new DraftRepository.JournalEntry(
                        change.action(), paths, change.detail() == null ? null : V3Document.write(change.detail())));
    }

    public Uni<List<HistoryEntry>> history(Caller caller, UUID connectorId, Long beforeId, int limit) {
        return pool.withConnection(db ->
                access.read(db, caller, connectorId).flatMap(org -> journal.page(db, connectorId, beforeId, limit)));
    }

    /** The active version (number and document), or version 0 with the empty document. */
    public Uni<ActiveDocument> active(SqlClient db, UUID connectorId) {
        return versions.active(db, connectorId)
                .map(active -> new ActiveDocument(
                        active.map(VersionRow::version).orElse(0),
                        active.map(VersionRow::document).orElseGet(V3Document::empty)));
    }

    /** The document of version {@code n} (the empty document for 0), or a 404. */
    public Uni<JsonNode> versionDocument(SqlClient db, UUID connectorId, int n) {
        if (n == 0) {
            return Uni.createFrom().item(V3Document.empty());
        }
        return versions.find(db, connectorId, n)
                .map(found -> found.map(VersionRow::document)
                        .orElseThrow(() -> new ProblemException(
                                Problem.of(404, "unknown-version", "Not found", "version " + n + " does not exist")
                                        .with("version", n))));
    }

    /** A number and its document. */
    public record ActiveDocument(int version, JsonNode document) {}

    /** 422 with every error of the document and its JSON pointer. */
    public static void requireValid(JsonNode document) {
        List<V3Error> errors = V3Validator.get().validate(document);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(
                    "the document is not a valid connector config V3 (" + errors.size() + " error"
                            + (errors.size() == 1 ? "" : "s") + ")",
                    errors.stream()
                            .map(e -> new Problem.FieldError(e.pointer(), e.message(), e.code()))
                            .toList());
        }
    }

    /** A copy of the document with {@code section/key} set (or removed when {@code value} is null). */
    public static JsonNode withMember(JsonNode document, String section, String key, JsonNode value) {
        ObjectNode copy = document.isObject() ? ((ObjectNode) document).deepCopy() : V3Document.empty();
        JsonNode existing = copy.get(section);
        ObjectNode members =
                existing != null && existing.isObject() ? (ObjectNode) existing : JsonNodeFactory.instance.objectNode();
        if (value == null) {
            members.remove(key);
        } else {
            members.set(key, value);
        }
        copy.set(section, members);
        return copy;
    }

    static Optional<JsonNode> member(JsonNode document, String section, String key) {
        return Optional.ofNullable(document.path(section).get(key));
    }
}
