package io.plugsync.ingest.library;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.UUID;

/**
 * The narrow port through which a sync writes config objects, inside the sync's transaction.
 * Implementations apply the library's domain rules: type parsing and metadata projection, payload
 * encryption, immutable versions and the outbox event of each version.
 */
public interface ConfigObjectSink {
    /**
     * A new connector-managed identity and its first version; when the content does not parse, the
     * identity is created in {@code ingestion_error} without a version.
     */
    Uni<Written> create(SqlConnection db, SourceObject source, byte[] content);

    /** A new version of an existing object, or {@code ingestion_error} when the content does not parse. */
    Uni<Written> update(SqlConnection db, UUID objectId, SourceObject source, byte[] content);

    /** The source file is gone: a terminal deleted version, status {@code deleted}. */
    Uni<Void> delete(SqlConnection db, UUID objectId, SourceObject source);

    /** Same content under a new path: the identity and its versions stay; the current path changes. */
    Uni<Void> move(SqlConnection db, UUID objectId, SourceObject source);
}
