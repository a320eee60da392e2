package io.plugsync.api.publish;

import io.plugsync.common.outbox.ConnectorVersionPublished;
import io.plugsync.common.outbox.EventType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The writes of a publish: version, active flag, manifests, outbox event, idempotency record. */
@ApplicationScoped
public class PublishRepository {

    /** A stored answer to an idempotency key. */
    public record StoredResponse(String requestHash, int status, String body) {}

    /** What {@link #publish} did. */
    public enum Outcome {
        PUBLISHED,
        STALE_BASE_VERSION,
        NO_CHANGES
    }

    /**
     * The result of {@link #publish}: the outcome, the active version (the new one when published,
     * else the one that blocked the publish) and the publication time (null when not published).
     */
    public record Published(
            Outcome outcome,
            int activeVersion,
            OffsetDateTime publishedAt,
            Long draftRevision,
            OffsetDateTime draftUpdatedAt) {}

    /** The inputs of one publish, computed by the caller from the locked, validated draft. */
    public record Request(
            UUID connectorId,
            UUID organizationId,
            int baseVersion,
            String documentJson,
            String checksum,
            boolean emptyDocument,
            String manifestsJson,
            String publishedBy,
            String publishedByKind,
            String message,
            long draftRevision,
            String journalDetailJson,
            EventType<ConnectorVersionPublished> event,
            String traceContextJson,
            /* JSON array of the changed paths when the publish also replaces the draft's document, else null */
            String replacePathsJson) {}

    /**
     * Publishes in one round trip (V9 {@code plugsync_publish_connector_version}): under the draft
     * lock the caller holds, checks the base version and for changes, then writes the version, the
     * active flag, the manifests, the outbox event, the draft's new base and the journal entry.
     * Refusals write nothing.
     */
    public Uni<Published> publish(SqlClient db, Request r) {
        return db.preparedQuery(
                        "SELECT outcome, active_version, published_at, draft_revision, draft_updated_at FROM plugsync_publish_connector_version("
                                + "$1, $2, $3, $4::text::jsonb, $5, $6, $7::text::jsonb, $8, $9, $10, $11,"
                                + " $12::text::jsonb, $13, $14, $15::text::jsonb, $16::text::jsonb)")
                .execute(Tuple.from(new Object[] {
                    r.connectorId(),
                    r.organizationId(),
                    r.baseVersion(),
                    r.documentJson(),
                    r.checksum(),
                    r.emptyDocument(),
                    r.manifestsJson(),
                    r.publishedBy(),
                    r.publishedByKind(),
                    r.message(),
                    r.draftRevision(),
                    r.journalDetailJson(),
                    r.event().aggregateType(),
                    r.event().name(),
                    r.traceContextJson(),
                    r.replacePathsJson()
                }))
                .map(rows -> {
                    var row = rows.iterator().next();
                    Outcome outcome = switch (row.getString("outcome")) {
                        case "published" -> Outcome.PUBLISHED;
                        case "stale-base-version" -> Outcome.STALE_BASE_VERSION;
                        case "no-changes" -> Outcome.NO_CHANGES;
                        default ->
                            throw new IllegalStateException("unknown publish outcome " + row.getString("outcome"));
                    };
                    return new Published(
                            outcome,
                            row.getInteger("active_version"),
                            row.getOffsetDateTime("published_at"),
                            row.getLong("draft_revision"),
                            row.getOffsetDateTime("draft_updated_at"));
                });
    }

    public Uni<Optional<StoredResponse>> findIdempotent(SqlClient db, UUID connectorId, String key) {
        return db.preparedQuery("SELECT request_hash, response_status, response_body::text AS body"
                        + " FROM publish_idempotency_key WHERE connector_id = $1 AND idempotency_key = $2")
                .execute(Tuple.of(connectorId, key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    var row = rows.iterator().next();
                    return Optional.of(new StoredResponse(
                            row.getString("request_hash"), row.getInteger("response_status"), row.getString("body")));
                });
    }

    public Uni<Void> storeIdempotent(
            SqlClient db, UUID connectorId, String key, String requestHash, int status, String bodyJson) {
        return db.preparedQuery("INSERT INTO publish_idempotency_key"
                        + " (connector_id, idempotency_key, request_hash, response_status, response_body)"
                        + " VALUES ($1, $2, $3, $4, $5::text::jsonb)")
                .execute(Tuple.of(connectorId, key, requestHash, status, bodyJson))
                .replaceWithVoid();
    }
}
