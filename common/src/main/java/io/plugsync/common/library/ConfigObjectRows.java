package io.plugsync.common.library;

import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of {@link ConfigObjectWriter}: each statement writes any number of rows at once (array
 * parameters unnested server-side), so a sync of thousands of files costs a few statements, and a
 * single write is the same statement with one row.
 */
final class ConfigObjectRows {
    private ConfigObjectRows() {}

    /** One version to insert: its object (ids are distinct within a call), sealed content and author. */
    record VersionRow(UUID objectId, VersionSealer.SealedContent sealed, VersionAuthor author, boolean deleted) {}

    /** Identity rows of new objects, the projection of their first version included. */
    static Uni<Void> insertObjects(SqlClient db, List<UUID> ids, List<NewConfigObject> commands, List<Projection> p) {
        int n = ids.size();
        UUID[] orgs = new UUID[n];
        String[] types = new String[n];
        String[] modes = new String[n];
        UUID[] creators = new UUID[n];
        UUID[] instances = new UUID[n];
        for (int i = 0; i < n; i++) {
            NewConfigObject command = commands.get(i);
            orgs[i] = command.organizationId();
            types[i] = command.type().wire();
            modes[i] = command.sourceMode().wire();
            creators[i] = command.author().membershipId();
            instances[i] = command.connectorInstanceId();
        }
        return db.preparedQuery("INSERT INTO config_object (id, organization_id, object_type, source_mode, title,"
                        + " description, search_text, slug, current_file_name, current_file_extension,"
                        + " current_relative_path, created_by_org_membership_id, connector_instance_id)"
                        + " SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],"
                        + " $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::uuid[], $13::uuid[])")
                .execute(Tuple.from(new Object[] {
                    ids.toArray(UUID[]::new),
                    orgs,
                    types,
                    modes,
                    column(p, Projection::title),
                    column(p, Projection::description),
                    column(p, Projection::searchText),
                    column(p, Projection::slug),
                    column(p, Projection::fileName),
                    column(p, Projection::fileExtension),
                    column(p, Projection::relativePath),
                    creators,
                    instances
                }))
                .replaceWithVoid();
    }

    /** Inserts the versions; the id and {@code created_at} of each, by object id. */
    static Uni<Map<UUID, Inserted>> insertVersions(SqlClient db, List<VersionRow> rows) {
        int n = rows.size();
        UUID[] objects = new UUID[n];
        Buffer[] payloads = new Buffer[n];
        Buffer[] raws = new Buffer[n];
        String[] keys = new String[n];
        String[] schemas = new String[n];
        String[] via = new String[n];
        UUID[] authors = new UUID[n];
        UUID[] syncEvents = new UUID[n];
        String[] revisions = new String[n];
        Boolean[] deleted = new Boolean[n];
        for (int i = 0; i < n; i++) {
            VersionRow row = rows.get(i);
            objects[i] = row.objectId();
            payloads[i] = Buffer.buffer().appendBytes(row.sealed().payload());
            raws[i] = row.sealed().rawText() == null
                    ? null
                    : Buffer.buffer().appendBytes(row.sealed().rawText());
            keys[i] = row.sealed().keyId();
            schemas[i] = ParsedConfig.SCHEMA_VERSION;
            via[i] = row.author().via().wire();
            authors[i] = row.author().membershipId();
            syncEvents[i] = row.author().syncEventId();
            revisions[i] = row.author().sourceRevisionRef();
            deleted[i] = row.deleted();
        }
        return db.preparedQuery("INSERT INTO config_object_version (config_object_id, normalized_payload_json,"
                        + " raw_source_text, encryption_key_id, schema_version, created_via, created_by_org_membership_id,"
                        + " connector_sync_event_id, source_revision_ref, is_deleted_version)"
                        + " SELECT * FROM unnest($1::uuid[], $2::bytea[], $3::bytea[], $4::text[], $5::text[], $6::text[],"
                        + " $7::uuid[], $8::uuid[], $9::text[], $10::bool[])"
                        + " RETURNING id, config_object_id, created_at")
                .execute(Tuple.from(new Object[] {
                    objects, payloads, raws, keys, schemas, via, authors, syncEvents, revisions, deleted
                }))
                .map(result -> {
                    Map<UUID, Inserted> out = new HashMap<>();
                    for (Row row : result) {
                        out.put(
                                row.getUUID("config_object_id"),
                                new Inserted(row.getUUID("id"), row.getOffsetDateTime("created_at")));
                    }
                    return out;
                });
    }

    /** A version row as inserted. */
    record Inserted(UUID versionId, OffsetDateTime createdAt) {}

    /** Projects each object's latest version onto its row; the objects become active again. */
    static Uni<Void> project(SqlClient db, List<UUID> ids, List<Projection> p) {
        return db.preparedQuery("UPDATE config_object o SET title = u.title, description = u.description,"
                        + " search_text = u.search_text, slug = u.slug, current_file_name = u.file_name,"
                        + " current_file_extension = u.file_extension, current_relative_path = u.relative_path,"
                        + " status = 'active', deleted_at = NULL, updated_at = now()"
                        + " FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],"
                        + " $7::text[], $8::text[]) AS u(id, title, description, search_text, slug, file_name,"
                        + " file_extension, relative_path) WHERE o.id = u.id")
                .execute(Tuple.from(new Object[] {
                    ids.toArray(UUID[]::new),
                    column(p, Projection::title),
                    column(p, Projection::description),
                    column(p, Projection::searchText),
                    column(p, Projection::slug),
                    column(p, Projection::fileName),
                    column(p, Projection::fileExtension),
                    column(p, Projection::relativePath)
                }))
                .replaceWithVoid();
    }

    /** Terminal status after a deleted version: the rows leave search; identities and history stay. */
    static Uni<Void> markDeleted(SqlClient db, List<UUID> ids) {
        return db.preparedQuery("UPDATE config_object SET status = 'deleted', search_text = NULL,"
                        + " deleted_at = now(), updated_at = now() WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    /**
     * Locks the object rows (in id order, so concurrent writers of overlapping sets never deadlock);
     * the type of each, in the order of {@code ids}, or a 404 naming the first one that is not in the
     * organisation.
     */
    static Uni<Map<UUID, ObjectType>> lock(SqlClient db, UUID organizationId, List<UUID> ids) {
        return db.preparedQuery("SELECT id, object_type FROM config_object WHERE id = ANY($1) AND organization_id = $2"
                        + " ORDER BY id FOR UPDATE")
                .execute(Tuple.of(ids.toArray(UUID[]::new), organizationId))
                .map(rows -> {
                    Map<UUID, ObjectType> found = new HashMap<>();
                    for (Row row : rows) {
                        found.put(
                                row.getUUID("id"),
                                ObjectType.parse(row.getString("object_type")).orElseThrow());
                    }
                    Map<UUID, ObjectType> out = new LinkedHashMap<>();
                    for (UUID id : ids) {
                        ObjectType type = found.get(id);
                        if (type == null) {
                            throw ProblemException.notFound("config object " + id);
                        }
                        out.put(id, type);
                    }
                    return out;
                });
    }

    private static String[] column(List<Projection> rows, java.util.function.Function<Projection, String> field) {
        String[] out = new String[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = field.apply(rows.get(i));
        }
        return out;
    }
}
