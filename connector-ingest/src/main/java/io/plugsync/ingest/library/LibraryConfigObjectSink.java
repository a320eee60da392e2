package io.plugsync.ingest.library;

import io.plugsync.common.http.Problem;
import io.plugsync.common.library.ConfigObjectWriter;
import io.plugsync.common.library.ConfigObjects;
import io.plugsync.common.library.ConfigParsers;
import io.plugsync.common.library.ConfigSource;
import io.plugsync.common.library.InvalidContentException;
import io.plugsync.common.library.NewConfigObject;
import io.plugsync.common.library.ObjectType;
import io.plugsync.common.library.SourceMode;
import io.plugsync.common.library.VersionAuthor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@link ConfigObjectSink} over the common library's {@link ConfigObjectWriter}: parsing,
 * projection, encryption, versions and outbox events are the library's, and so are the writes
 * without a version ({@link ConfigObjects}): the identity of a file that does not parse (status
 * {@code ingestion_error}, no version), marking an object {@code ingestion_error}, and a move's new
 * path on the projection.
 */
@ApplicationScoped
public class LibraryConfigObjectSink implements ConfigObjectSink {
    private final ConfigObjectWriter writer;

    public LibraryConfigObjectSink(ConfigObjectWriter writer) {
        this.writer = writer;
    }

    @Override
    public Uni<Written> create(SqlConnection db, SourceObject source, byte[] content) {
        ObjectType type = type(source);
        ConfigSource config;
        try {
            config = configSource(source, content);
            ConfigParsers.parse(type, config); // fail before writing anything
        } catch (InvalidContentException | InvalidUtf8 e) {
            return insertErroredIdentity(db, source, type).map(id -> new Written(id, null, message(e)));
        }
        return writer.create(
                        db,
                        new NewConfigObject(
                                source.organizationId(),
                                type,
                                SourceMode.CONNECTOR,
                                source.instanceId(),
                                config,
                                author(source)))
                .map(v -> new Written(v.configObjectId(), v.versionId(), null));
    }

    @Override
    public Uni<Written> update(SqlConnection db, UUID objectId, SourceObject source, byte[] content) {
        ObjectType type = type(source);
        ConfigSource config;
        try {
            config = configSource(source, content);
            ConfigParsers.parse(type, config);
        } catch (InvalidContentException | InvalidUtf8 e) {
            return ConfigObjects.setStatus(db, objectId, ConfigObjects.Status.INGESTION_ERROR)
                    .replaceWith(new Written(objectId, null, message(e)));
        }
        return writer.newVersion(db, source.organizationId(), objectId, config, author(source))
                .map(v -> new Written(objectId, v.versionId(), null));
    }

    @Override
    public Uni<Void> delete(SqlConnection db, UUID objectId, SourceObject source) {
        return writer.deletedVersion(db, source.organizationId(), objectId, author(source))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> move(SqlConnection db, UUID objectId, SourceObject source) {
        return ConfigObjects.move(db, objectId, source.fileName(), source.extension(), source.path());
    }

    private Uni<UUID> insertErroredIdentity(SqlConnection db, SourceObject source, ObjectType type) {
        return ConfigObjects.createErrored(
                db,
                source.organizationId(),
                type,
                source.instanceId(),
                source.fileName(),
                source.extension(),
                source.path(),
                source.attributedTo());
    }

    private static ObjectType type(SourceObject source) {
        return ObjectType.parse(source.objectType())
                .orElseThrow(() -> new IllegalArgumentException("unknown object type " + source.objectType()));
    }

    private static ConfigSource configSource(SourceObject source, byte[] content) throws InvalidUtf8 {
        String stem = source.fileName().contains(".")
                ? source.fileName().substring(0, source.fileName().lastIndexOf('.'))
                : source.fileName();
        boolean hinted =
                source.objectType().equals("context") || source.objectType().equals("custom");
        return new ConfigSource(utf8(content), null, source.path(), hinted && !stem.isBlank() ? stem : null);
    }

    /** Written via the connector, for the member the mapping belongs to (the creator of what it creates). */
    private static VersionAuthor author(SourceObject source) {
        return VersionAuthor.connector(source.attributedTo(), source.syncEventId(), source.revision());
    }

    private static String message(Exception e) {
        if (e instanceof InvalidContentException invalid) {
            return invalid.errors().stream().map(SourceErrors::line).collect(Collectors.joining("; "));
        }
        return e.getMessage();
    }

    private static String utf8(byte[] content) throws InvalidUtf8 {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidUtf8();
        }
    }

    /** Content that is not UTF-8 text. */
    static final class InvalidUtf8 extends Exception {
        InvalidUtf8() {
            super("file is not UTF-8 text", null, false, false);
        }
    }

    /** Field errors as one summary line each. */
    static final class SourceErrors {
        private SourceErrors() {}

        static String line(Problem.FieldError error) {
            return error.pointer() + ": " + error.message();
        }

        static List<String> lines(List<Problem.FieldError> errors) {
            return errors.stream().map(SourceErrors::line).toList();
        }
    }
}
