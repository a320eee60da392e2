package io.plugsync.common.library;

import io.plugsync.common.http.ProblemException;
import io.plugsync.common.outbox.ConfigObjectVersionCreated;
import io.plugsync.common.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Iterator;
import java.util.UUID;

/**
 * The one write path of config object content, shared by config-api and connector-ingest (seed
 * 001 write patterns). Every method runs in the caller's transaction ({@code db}): it writes an
 * immutable encrypted version, projects its metadata onto {@code config_object} and appends a
 * {@code config_object.version.created} outbox event. Version writes on one object are serialized
 * by locking the object row, so the projection always describes the latest version.
 *
 * <p>Invalid content fails with {@link InvalidContentException} before anything is written; an
 * object that is not in the given organisation fails with a 404 {@link ProblemException}.
 */
public class ConfigObjectWriter {
    private final VersionSealer sealer;

    public ConfigObjectWriter(PayloadCipher cipher) {
        this.sealer = new VersionSealer(cipher);
    }

    public VersionSealer sealer() {
        return sealer;
    }

    /** Inserts the identity row and its first version. */
    public Uni<WrittenVersion> create(SqlClient db, NewConfigObject command) {
        return Uni.createFrom()
                .item(() -> ConfigParsers.parse(command.type(), command.source()))
                .flatMap(parsed -> insertObject(db, command, parsed.projection())
                        .flatMap(objectId -> insertVersion(db, objectId, parsed, command.author())
                                .call(v -> project(db, objectId, parsed.projection()))
                                .call(v -> event(db, command.organizationId(), command.type(), v))));
    }

    /** A new version of an existing object from new content; the object becomes active again. */
    public Uni<WrittenVersion> newVersion(
            SqlClient db, UUID organizationId, UUID configObjectId, ConfigSource source, VersionAuthor author) {
        return lock(db, organizationId, configObjectId).flatMap(type -> {
            ParsedConfig parsed = ConfigParsers.parse(type, source);
            return insertVersion(db, configObjectId, parsed, author)
                    .call(v -> project(db, configObjectId, parsed.projection()))
                    .call(v -> event(db, organizationId, type, v));
        });
    }

    /**
     * A terminal deleted version (soft delete): the identity row stays, its status becomes
     * {@code deleted} and it leaves search; history and plugin memberships are kept.
     */
    public Uni<WrittenVersion> deletedVersion(
            SqlClient db, UUID organizationId, UUID configObjectId, VersionAuthor author) {
        return lock(db, organizationId, configObjectId).flatMap(type -> {
            ParsedConfig tombstone =
                    new ParsedConfig(type, ConfigParsers.JSON.createObjectNode().put("deleted", true), null, null);
            return insertVersion(db, configObjectId, tombstone, author)
                    .call(v -> db.preparedQuery("UPDATE config_object SET status = 'deleted', search_text = NULL,"
                                    + " deleted_at = now(), updated_at = now() WHERE id = $1")
                            .execute(Tuple.of(configObjectId)))
                    .call(v -> event(db, organizationId, type, v));
        });
    }

    /**
     * Restores the newest non-deleted version's content as a new latest version.
     *
     * @return a 409 problem when the object has no content version to restore
     */
    public Uni<WrittenVersion> restore(SqlClient db, UUID organizationId, UUID configObjectId, VersionAuthor author) {
        return lock(db, organizationId, configObjectId)
                .flatMap(type -> ConfigObjectVersions.latestNotDeleted(db, configObjectId)
                        .flatMap(found -> {
                            StoredVersion previous = found.orElseThrow(() -> ProblemException.conflict(
                                    "nothing-to-restore", "the object has no content version to restore"));
                            VersionContent content = sealer.open(previous);
                            return currentSource(db, configObjectId).flatMap(source -> {
                                ParsedConfig parsed = ConfigParsers.parse(
                                        type,
                                        new ConfigSource(
                                                content.rawText(),
                                                source.fileName(),
                                                source.relativePath(),
                                                source.titleHint()));
                                return insertVersion(db, configObjectId, parsed, author)
                                        .call(v -> project(db, configObjectId, parsed.projection()))
                                        .call(v -> event(db, organizationId, type, v));
                            });
                        }));
    }

    private Uni<ConfigSource> currentSource(SqlClient db, UUID configObjectId) {
        return db.preparedQuery(
                        "SELECT title, object_type, current_file_name, current_relative_path FROM config_object WHERE id = $1")
                .execute(Tuple.of(configObjectId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    boolean hinted = "context".equals(row.getString("object_type"))
                            || "custom".equals(row.getString("object_type"));
                    return new ConfigSource(
                            null,
                            row.getString("current_file_name"),
                            row.getString("current_relative_path"),
                            hinted ? row.getString("title") : null);
                });
    }

    /** Locks the object row; its type, or a 404 when it is not in the organisation. */
    private static Uni<ObjectType> lock(SqlClient db, UUID organizationId, UUID configObjectId) {
        return db.preparedQuery(
                        "SELECT object_type FROM config_object WHERE id = $1 AND organization_id = $2 FOR UPDATE")
                .execute(Tuple.of(configObjectId, organizationId))
                .map(rows -> {
                    Iterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        throw ProblemException.notFound("config object " + configObjectId);
                    }
                    return ObjectType.parse(it.next().getString("object_type")).orElseThrow();
                });
    }

    private static Uni<UUID> insertObject(SqlClient db, NewConfigObject command, Projection p) {
        return db.preparedQuery(
                        "INSERT INTO config_object (organization_id, object_type, source_mode, title, description,"
                                + " search_text, slug, current_file_name, current_file_extension, current_relative_path,"
                                + " created_by_org_membership_id, connector_instance_id)"
                                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id")
                .execute(Tuple.from(new Object[] {
                    command.organizationId(),
                    command.type().wire(),
                    command.sourceMode().wire(),
                    p.title(),
                    p.description(),
                    p.searchText(),
                    p.slug(),
                    p.fileName(),
                    p.fileExtension(),
                    p.relativePath(),
                    command.author().membershipId(),
                    command.connectorInstanceId()
                }))
                .map(rows -> rows.iterator().next().getUUID("id"));
    }

    private Uni<WrittenVersion> insertVersion(SqlClient db, UUID objectId, ParsedConfig parsed, VersionAuthor author) {
        VersionSealer.SealedContent sealed = sealer.seal(objectId, parsed.payload(), parsed.rawText());
        boolean deleted = parsed.projection() == null;
        return db.preparedQuery("INSERT INTO config_object_version (config_object_id, normalized_payload_json,"
                        + " raw_source_text, encryption_key_id, schema_version, created_via, created_by_org_membership_id,"
                        + " connector_sync_event_id, source_revision_ref, is_deleted_version)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, created_at")
                .execute(Tuple.from(new Object[] {
                    objectId,
                    Buffer.buffer().appendBytes(sealed.payload()),
                    sealed.rawText() == null ? null : Buffer.buffer().appendBytes(sealed.rawText()),
                    sealed.keyId(),
                    ParsedConfig.SCHEMA_VERSION,
                    author.via().wire(),
                    author.membershipId(),
                    author.syncEventId(),
                    author.sourceRevisionRef(),
                    deleted
                }))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new WrittenVersion(
                            objectId,
                            row.getUUID("id"),
                            row.getOffsetDateTime("created_at"),
                            deleted,
                            parsed.projection());
                });
    }

    private static Uni<Void> project(SqlClient db, UUID objectId, Projection p) {
        return db.preparedQuery("UPDATE config_object SET title = $2, description = $3, search_text = $4, slug = $5,"
                        + " current_file_name = $6, current_file_extension = $7, current_relative_path = $8,"
                        + " status = 'active', deleted_at = NULL, updated_at = now() WHERE id = $1")
                .execute(Tuple.from(new Object[] {
                    objectId,
                    p.title(),
                    p.description(),
                    p.searchText(),
                    p.slug(),
                    p.fileName(),
                    p.fileExtension(),
                    p.relativePath()
                }))
                .replaceWithVoid();
    }

    private static Uni<Void> event(SqlClient db, UUID organizationId, ObjectType type, WrittenVersion version) {
        return OutboxWriter.append(
                db,
                new ConfigObjectVersionCreated(
                        organizationId, version.configObjectId(), version.versionId(), type.wire(), version.deleted()));
    }
}
