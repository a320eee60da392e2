package io.plugsync.api.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.api.draft.DraftChange;
import io.plugsync.api.draft.DraftRow;
import io.plugsync.api.draft.DraftService;
import io.plugsync.api.draft.DraftView;
import io.plugsync.api.draft.IfMatch;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.common.v3.FlowManifest;
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
 * Publish: draft -> immutable version N+1 + active flag + event flow manifests + outbox event +
 * journal, in one transaction under the draft's row lock, which serialises publishes of one
 * connector so that of several publishes on the same base exactly one wins.
 */
@ApplicationScoped
public class PublishService {
    private static final String EMPTY_CHECKSUM = CanonicalJson.sha256(V3Document.empty());

    private final Pool pool;
    private final DraftService drafts;
    private final PublishRepository publishes;
    private final ObjectMapper json;

    public PublishService(Pool pool, DraftService drafts, PublishRepository publishes, ObjectMapper json) {
        this.pool = pool;
        this.drafts = drafts;
        this.publishes = publishes;
        this.json = json;
    }

    /** The answer to a publish: 201 with the result, or the replay of an earlier answer. */
    public record Outcome(int status, PublishResult result, boolean replayed, DraftView draft) {}

    /** The result of {@code PUT /config}: the draft and, with {@code publish=true}, the new version. */
    public record ConfigResult(DraftView draft, PublishResult published) {}

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
        checkIdempotencyKey(idempotencyKey);
        String requestHash = requestHash(request);
        return pool.withTransaction(db -> drafts.lockForWrite(db, caller, connectorId)
                .flatMap(draft -> idempotent(
                        db,
                        connectorId,
                        idempotencyKey,
                        requestHash,
                        () -> publishLocked(
                                db,
                                caller,
                                writer,
                                draft,
                                null,
                                null,
                                request.baseVersion(),
                                request.message(),
                                trace))));
    }

    /**
     * Runs {@code publish} unless {@code key} already answered: the same key and request hash replay
     * the stored 201, a different request with the same key is a 422. No key: always publishes.
     */
    private Uni<Outcome> idempotent(
            SqlClient db,
            UUID connectorId,
            String key,
            String requestHash,
            java.util.function.Supplier<Uni<Publication>> publish) {
        if (key == null) {
            return publishAndRemember(db, connectorId, null, null, publish);
        }
        return publishes
                .findIdempotent(db, connectorId, key)
                .flatMap(stored -> stored.isPresent()
                        ? Uni.createFrom()
                                .item(new Outcome(
                                        stored.get().status(), replay(stored.get(), key, requestHash), true, null))
                        : publishAndRemember(db, connectorId, key, requestHash, publish));
    }

    /** Publishes and, with a key (already known to be unused), stores the answer for replays. */
    private Uni<Outcome> publishAndRemember(
            SqlClient db,
            UUID connectorId,
            String key,
            String requestHash,
            java.util.function.Supplier<Uni<Publication>> publish) {
        Uni<Publication> published = publish.get();
        if (key != null) {
            published = published.call(
                    p -> publishes.storeIdempotent(db, connectorId, key, requestHash, 201, write(p.result())));
        }
        return published.map(p -> new Outcome(201, p.result(), false, p.draft()));
    }

    /** The stored first answer to {@code key}; a different request under the same key is a 422. */
    private PublishResult replay(PublishRepository.StoredResponse stored, String key, String requestHash) {
        if (!stored.requestHash().equals(requestHash)) {
            throw new ProblemException(Problem.of(
                            422,
                            "idempotency-key-reused",
                            "Unprocessable request",
                            "this Idempotency-Key was used with a different request body")
                    .with("idempotency_key", key));
        }
        return read(stored.body());
    }

    private static void checkIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new ProblemException(Problem.of(
                            400,
                            "invalid-idempotency-key",
                            "Bad request",
                            "Idempotency-Key must be 1 to 200 characters")
                    .withErrors(List.of(
                            new Problem.FieldError("header:Idempotency-Key", "1 to 200 characters", "length"))));
        }
    }

    /**
     * {@code PUT /config}: replaces the draft with {@code document} and, when {@code publish}, publishes
     * it in the same transaction ({@code baseVersion} defaults to the draft's). With an {@code
     * Idempotency-Key} a retried apply-and-publish (a CI job run twice) replays the first answer and
     * leaves the draft alone.
     */
    public Uni<ConfigResult> replace(
            Caller caller,
            WriterKind writer,
            UUID connectorId,
            String ifMatch,
            JsonNode document,
            boolean publish,
            Integer baseVersion,
            String message,
            String idempotencyKey,
            Map<String, String> trace) {
        checkIdempotencyKey(idempotencyKey);
        String key = publish ? idempotencyKey : null;
        String requestHash = key == null ? null : configRequestHash(document, baseVersion, message);
        return pool.withTransaction(db -> drafts.lockForWrite(db, caller, connectorId)
                .flatMap(draft -> (key == null
                                ? Uni.createFrom().item(java.util.Optional.<PublishRepository.StoredResponse>empty())
                                : publishes.findIdempotent(db, connectorId, key))
                        .flatMap(stored -> {
                            if (stored.isPresent()) {
                                PublishResult first = replay(stored.get(), key, requestHash);
                                return drafts.view(db, connectorId).map(view -> new ConfigResult(view, first));
                            }
                            IfMatch.check(ifMatch, draft.revision());
                            if (!publish) {
                                return drafts.apply(db, caller, writer, draft, replacement(draft, document))
                                        .flatMap(updated -> drafts.viewOf(db, updated))
                                        .map(view -> new ConfigResult(view, null));
                            }
                            // the key was looked up above, under the same draft lock; the publish
                            // function stores the new document in the draft in the same call
                            DraftService.requireValid(document);
                            List<String> changed = V3Document.sameContent(draft.document(), document)
                                    ? null
                                    : JsonDiff.changedPaths(draft.document(), document);
                            return publishAndRemember(
                                            db,
                                            connectorId,
                                            key,
                                            requestHash,
                                            () -> publishLocked(
                                                    db,
                                                    caller,
                                                    writer,
                                                    draft,
                                                    document,
                                                    changed,
                                                    baseVersion,
                                                    message,
                                                    trace))
                                    .map(outcome -> new ConfigResult(outcome.draft(), outcome.result()));
                        })));
    }

    private static DraftChange replacement(DraftRow draft, JsonNode document) {
        return new DraftChange("replace", document, draft.baseVersion(), draft.restoredFromVersion(), null);
    }

    /** A publish's answer and the draft as it is afterwards. */
    private record Publication(PublishResult result, DraftView draft) {}

    /**
     * Publishes under the draft lock of the current transaction. {@code replacement} null: publishes
     * the draft as stored (validated first). Else publishes {@code replacement} (validated by the
     * caller), storing it in the draft in the same call when {@code changedPaths} is not null.
     */
    private Uni<Publication> publishLocked(
            SqlClient db,
            Caller caller,
            WriterKind writer,
            DraftRow draft,
            JsonNode replacement,
            List<String> changedPaths,
            Integer requestedBase,
            String message,
            Map<String, String> trace) {
        int base = requestedBase == null ? draft.baseVersion() : requestedBase;
        JsonNode document = replacement == null ? draft.document() : replacement;
        return Uni.createFrom()
                .item(() -> {
                    if (replacement == null) {
                        DraftService.requireValid(document);
                    }
                    String checksum = CanonicalJson.sha256(document);
                    return new PublishRepository.Request(
                            draft.connectorId(),
                            draft.organizationId(),
                            base,
                            V3Document.write(document),
                            checksum,
                            checksum.equals(EMPTY_CHECKSUM),
                            manifests(document),
                            caller.subject(),
                            writer.wire(),
                            message,
                            draft.revision(),
                            publishDetail(base + 1, checksum, message),
                            OutboxContract.CONNECTOR_VERSION_PUBLISHED,
                            write(trace),
                            changedPaths == null ? null : write(changedPaths));
                })
                .flatMap(request -> publishes.publish(db, request).map(published -> switch (published.outcome()) {
                    case STALE_BASE_VERSION ->
                        throw new ProblemException(Problem.of(
                                        409,
                                        "stale-base-version",
                                        "Conflict",
                                        "version " + published.activeVersion() + " was published after version " + base
                                                + "; rebase or reset the draft, then publish on base_version "
                                                + published.activeVersion())
                                .with("active_version", published.activeVersion())
                                .with("base_version", base)
                                .with("draft_base_version", draft.baseVersion()));
                    case NO_CHANGES ->
                        throw new ProblemException(Problem.of(
                                        409,
                                        "no-changes",
                                        "Conflict",
                                        "the draft equals version " + published.activeVersion())
                                .with("active_version", published.activeVersion()));
                    case PUBLISHED ->
                        new Publication(
                                new PublishResult(
                                        published.activeVersion(),
                                        request.checksum(),
                                        published.publishedAt(),
                                        caller.subject()),
                                afterPublish(draft, document, changedPaths != null, caller, writer, published));
                }));
    }

    /** The draft right after the publish: based on and equal to the new version. */
    private static DraftView afterPublish(
            DraftRow draft,
            JsonNode document,
            boolean replaced,
            Caller caller,
            WriterKind writer,
            PublishRepository.Published published) {
        DraftRow rebased = new DraftRow(
                draft.connectorId(),
                draft.organizationId(),
                document,
                published.activeVersion(),
                published.draftRevision(),
                null,
                replaced ? caller.subject() : draft.updatedBy(),
                replaced ? writer.wire() : draft.updatedByKind(),
                published.draftUpdatedAt());
        return DraftView.justPublished(rebased);
    }

    /** The event flow manifests of the draft as one JSON array (inserted by the publish function). */
    private static String manifests(JsonNode document) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (FlowManifest m : FlowManifest.of(document)) {
            ObjectNode row = rows.addObject();
            row.put("flow_key", m.flowKey());
            row.put("source", m.source());
            row.put("event_type", m.eventType());
            row.set("manifest", m.manifest());
            row.put("checksum", m.checksum());
        }
        return V3Document.write(rows);
    }

    private static String publishDetail(int version, String checksum, String message) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("version", version);
        detail.put("checksum", checksum);
        if (message != null) {
            detail.put("message", message);
        }
        return V3Document.write(detail);
    }

    private static String configRequestHash(JsonNode document, Integer baseVersion, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("config_sha256", CanonicalJson.sha256(document));
        if (baseVersion != null) {
            body.put("base_version", baseVersion);
        }
        if (message != null) {
            body.put("message", message);
        }
        return CanonicalJson.sha256(body);
    }

    private static String requestHash(PublishRequest request) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("base_version", request.baseVersion());
        if (request.message() != null) {
            body.put("message", request.message());
        }
        return CanonicalJson.sha256(body);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PublishResult read(String body) {
        try {
            return json.readValue(body, PublishResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
