package io.plugsync.ingest.library;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;
import java.util.UUID;

/**
 * The narrow port through which a sync writes config objects, inside the sync's transaction.
 * Implementations apply the library's domain rules: type parsing and metadata projection, payload
 * encryption, immutable versions and the outbox event of each version. The writes of many files
 * take a few statements whatever their number; the files of one call belong to one organisation
 * and name each object at most once.
 */
public interface ConfigObjectSink {
    /** A file to create an object for. */
    record NewFile(SourceObject source, byte[] content) {}

    /** New content of an existing object's file. */
    record ChangedFile(UUID objectId, SourceObject source, byte[] content) {}

    /** An existing object whose file is gone. */
    record GoneFile(UUID objectId, SourceObject source) {}

    /**
     * New connector-managed identities and their first versions, in the order of {@code files}; a
     * file whose content does not parse gets an identity in {@code ingestion_error} without a
     * version, and the others are written all the same.
     */
    Uni<List<Written>> createAll(SqlConnection db, List<NewFile> files);

    /**
     * New versions of existing objects, in the order of {@code files}; an object whose new content
     * does not parse is marked {@code ingestion_error} instead.
     */
    Uni<List<Written>> updateAll(SqlConnection db, List<ChangedFile> files);

    /** The source files are gone: a terminal deleted version each, status {@code deleted}. */
    Uni<Void> deleteAll(SqlConnection db, List<GoneFile> files);

    /** Same content under a new path: the identity and its versions stay; the current path changes. */
    Uni<Void> move(SqlConnection db, UUID objectId, SourceObject source);
}
