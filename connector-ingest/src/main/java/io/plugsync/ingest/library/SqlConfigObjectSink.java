package io.plugsync.ingest.library;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.common.outbox.OutboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes connector-managed config objects following the seed's write patterns: identity row,
 * immutable encrypted version, metadata projection on the identity, outbox event per version.
 */
@ApplicationScoped
public class SqlConfigObjectSink implements ConfigObjectSink {
    static final String SCHEMA_VERSION = "connector-ingest/1";

    private final SourceFileParser parser;
    private final PayloadCipher cipher;

    public SqlConfigObjectSink(ObjectMapper json, PayloadCipher cipher) {
        this.parser = new SourceFileParser(json);
        this.cipher = cipher;
    }

    @Override
    public Uni<Written> create(SqlConnection db, SourceObject source, byte[] content) {
        UUID objectId = UUID.randomUUID();
        ParsedSource parsed;
        try {
            parsed = parser.parse(source.objectType(), source.path(), content);
        } catch (SourceParseException e) {
            return insertIdentity(db, objectId, source, source.fileName(), null, null, "ingestion_error")
                    .replaceWith(new Written(objectId, null, e.getMessage()));
        }
        return insertIdentity(db, objectId, source, parsed.title(), parsed.description(), parsed.searchText(), "active")
                .flatMap(ignored ->
                        insertVersion(db, objectId, source, parsed.payload().toString(), content, false))
                .map(versionId -> new Written(objectId, versionId, null));
    }

    @Override
    public Uni<Written> update(SqlConnection db, UUID objectId, SourceObject source, byte[] content) {
        ParsedSource parsed;
        try {
            parsed = parser.parse(source.objectType(), source.path(), content);
        } catch (SourceParseException e) {
            return db.preparedQuery("UPDATE config_object SET status = 'ingestion_error', updated_at = now()"
                            + " WHERE id = $1")
                    .execute(Tuple.of(objectId))
                    .replaceWith(new Written(objectId, null, e.getMessage()));
        }
        return insertVersion(db, objectId, source, parsed.payload().toString(), content, false)
                .call(versionId -> db.preparedQuery("UPDATE config_object SET title = $2, description = $3,"
                                + " search_text = $4, current_file_name = $5, current_file_extension = $6,"
                                + " current_relative_path = $7, status = 'active', updated_at = now() WHERE id = $1")
                        .execute(Tuple.from(java.util.Arrays.asList(
                                objectId,
                                parsed.title(),
                                parsed.description(),
                                parsed.searchText(),
                                source.fileName(),
                                source.extension(),
                                source.path()))))
                .map(versionId -> new Written(objectId, versionId, null));
    }

    @Override
    public Uni<Void> delete(SqlConnection db, UUID objectId, SourceObject source) {
        return insertVersion(db, objectId, source, "{}", null, true)
                .call(ignored -> db.preparedQuery("UPDATE config_object SET status = 'deleted', search_text = NULL,"
                                + " deleted_at = now(), updated_at = now() WHERE id = $1")
                        .execute(Tuple.of(objectId)))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> move(SqlConnection db, UUID objectId, SourceObject source) {
        return db.preparedQuery("UPDATE config_object SET current_file_name = $2, current_file_extension = $3,"
                        + " current_relative_path = $4, updated_at = now() WHERE id = $1")
                .execute(Tuple.of(objectId, source.fileName(), source.extension(), source.path()))
                .replaceWithVoid();
    }

    private Uni<Void> insertIdentity(
            SqlConnection db,
            UUID objectId,
            SourceObject source,
            String title,
            String description,
            String searchText,
            String status) {
        return db.preparedQuery("INSERT INTO config_object (id, organization_id, object_type, source_mode, title,"
                        + " description, search_text, current_file_name, current_file_extension,"
                        + " current_relative_path, status, connector_instance_id)"
                        + " VALUES ($1, $2, $3, 'connector', $4, $5, $6, $7, $8, $9, $10, $11)")
                .execute(Tuple.from(java.util.Arrays.asList(
                        objectId,
                        source.organizationId(),
                        source.objectType(),
                        title,
                        description,
                        searchText,
                        source.fileName(),
                        source.extension(),
                        source.path(),
                        status,
                        source.instanceId())))
                .replaceWithVoid();
    }

    private Uni<UUID> insertVersion(
            SqlConnection db, UUID objectId, SourceObject source, String payload, byte[] raw, boolean deleted) {
        UUID versionId = UUID.randomUUID();
        byte[] payloadCipher = cipher.encrypt(objectId, payload);
        byte[] rawCipher = raw == null ? null : cipher.encrypt(objectId, new String(raw, StandardCharsets.UTF_8));
        JsonObject event = new JsonObject()
                .put("config_object_id", objectId.toString())
                .put("config_object_version_id", versionId.toString())
                .put("organization_id", source.organizationId().toString())
                .put("created_via", "connector")
                .put("is_deleted_version", deleted);
        return db.preparedQuery("INSERT INTO config_object_version (id, config_object_id, normalized_payload_json,"
                        + " raw_source_text, encryption_key_id, schema_version, created_via, connector_sync_event_id,"
                        + " source_revision_ref, is_deleted_version)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, 'connector', $7, $8, $9)")
                .execute(Tuple.from(java.util.Arrays.asList(
                        versionId,
                        objectId,
                        io.vertx.mutiny.core.buffer.Buffer.buffer(payloadCipher),
                        rawCipher == null ? null : io.vertx.mutiny.core.buffer.Buffer.buffer(rawCipher),
                        cipher.activeKeyId(),
                        SCHEMA_VERSION,
                        source.syncEventId(),
                        source.revision(),
                        deleted)))
                .flatMap(ignored -> db.preparedQuery("INSERT INTO outbox_event (aggregate_type, aggregate_id,"
                                + " event_type, payload) VALUES ($1, $2, $3, $4)")
                        .execute(Tuple.of(
                                OutboxEvent.AggregateTypes.CONFIG_OBJECT,
                                objectId.toString(),
                                OutboxEvent.EventTypes.CONFIG_OBJECT_VERSION_CREATED,
                                event)))
                .replaceWith(versionId);
    }
}
