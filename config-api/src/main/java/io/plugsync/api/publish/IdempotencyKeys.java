package io.plugsync.api.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.json.CanonicalJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Idempotency-Key} of publishes: checks the header, hashes the request, and looks up and
 * stores first answers in the caller's transaction (under the draft lock, so one key answers once).
 */
@ApplicationScoped
class IdempotencyKeys {
    private static final int CREATED = 201;

    private final PublishRepository publishes;
    private final ObjectMapper json;

    IdempotencyKeys(PublishRepository publishes, ObjectMapper json) {
        this.publishes = publishes;
        this.json = json;
    }

    /** The first answer to a key, replayed. */
    record Replay(int status, PublishResult result) {}

    /** A key must be 1 to 200 characters; null (no header) is allowed. */
    static void check(String key) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw new ProblemException(Problem.of(
                            400,
                            "invalid-idempotency-key",
                            "Bad request",
                            "Idempotency-Key must be 1 to 200 characters")
                    .withErrors(List.of(
                            new Problem.FieldError("header:Idempotency-Key", "1 to 200 characters", "length"))));
        }
    }

    /** The hash of a {@code POST /publish} body. */
    static String hash(PublishRequest request) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("base_version", request.baseVersion());
        if (request.message() != null) {
            body.put("message", request.message());
        }
        // absent when not asked for, so keys stored before rollouts existed keep their hash
        if (request.rollout() != null && !request.rollout().isNull()) {
            body.set("rollout", request.rollout());
        }
        if (request.supersedes()) {
            body.put("supersede_rollout", true);
        }
        return CanonicalJson.sha256(body);
    }

    /** The hash of a {@code PUT /config?publish=true}: the document's checksum and the query. */
    static String hash(
            JsonNode document, Integer baseVersion, String message, String rollout, boolean supersedeRollout) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("config_sha256", CanonicalJson.sha256(document));
        if (baseVersion != null) {
            body.put("base_version", baseVersion);
        }
        if (message != null) {
            body.put("message", message);
        }
        if (rollout != null) {
            body.put("rollout", rollout);
        }
        if (supersedeRollout) {
            body.put("supersede_rollout", true);
        }
        return CanonicalJson.sha256(body);
    }

    /**
     * The stored first answer to {@code key} (empty for no key or an unused one); the same key with
     * a different request hash is a 422.
     */
    Uni<Optional<Replay>> replay(SqlClient db, UUID connectorId, String key, String requestHash) {
        if (key == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return publishes
                .findIdempotent(db, connectorId, key)
                .map(stored -> stored.map(first -> {
                    if (!first.requestHash().equals(requestHash)) {
                        throw new ProblemException(Problem.of(
                                        422,
                                        "idempotency-key-reused",
                                        "Unprocessable request",
                                        "this Idempotency-Key was used with a different request body")
                                .with("idempotency_key", key));
                    }
                    return new Replay(first.status(), read(first.body()));
                }));
    }

    /** Stores {@code result} as the 201 answer to {@code key} (known to be unused); nothing for no key. */
    Uni<Void> remember(SqlClient db, UUID connectorId, String key, String requestHash, PublishResult result) {
        if (key == null) {
            return Uni.createFrom().voidItem();
        }
        return publishes.storeIdempotent(db, connectorId, key, requestHash, CREATED, write(result));
    }

    private String write(PublishResult result) {
        try {
            return json.writeValueAsString(result);
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
