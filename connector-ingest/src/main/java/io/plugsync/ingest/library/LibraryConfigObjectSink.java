package io.plugsync.ingest.library;

import io.plugsync.common.http.Problem;
import io.plugsync.common.library.ConfigObjectWriter;
import io.plugsync.common.library.ConfigObjects;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
    public Uni<List<Written>> createAll(SqlConnection db, List<NewFile> files) {
        Written[] out = new Written[files.size()];
        List<Integer> decoded = new ArrayList<>();
        List<NewConfigObject> commands = new ArrayList<>();
        Errors errors = new Errors();
        for (int i = 0; i < files.size(); i++) {
            SourceObject source = files.get(i).source();
            ConfigSource config = configSource(source, files.get(i).content());
            if (config == null) {
                errors.add(created(db, source, out, i, NOT_UTF8));
                continue;
            }
            decoded.add(i);
            commands.add(new NewConfigObject(
                    source.organizationId(),
                    type(source),
                    SourceMode.CONNECTOR,
                    source.instanceId(),
                    config,
                    author(source)));
        }
        return writer.createValid(db, commands)
                .invoke(attempts -> {
                    for (int k = 0; k < attempts.size(); k++) {
                        int at = decoded.get(k);
                        ConfigObjectWriter.Attempt attempt = attempts.get(k);
                        if (attempt.invalid() != null) {
                            errors.add(created(db, files.get(at).source(), out, at, message(attempt.invalid())));
                        } else {
                            out[at] = new Written(
                                    attempt.written().configObjectId(),
                                    attempt.written().versionId(),
                                    null);
                        }
                    }
                })
                .call(errors::write)
                .map(ignored -> List.of(out));
    }

    @Override
    public Uni<List<Written>> updateAll(SqlConnection db, List<ChangedFile> files) {
        Written[] out = new Written[files.size()];
        List<Integer> decoded = new ArrayList<>();
        List<ConfigObjectWriter.Update> updates = new ArrayList<>();
        Errors errors = new Errors();
        for (int i = 0; i < files.size(); i++) {
            ChangedFile file = files.get(i);
            ConfigSource config = configSource(file.source(), file.content());
            if (config == null) {
                errors.add(failed(db, file.objectId(), out, i, NOT_UTF8));
                continue;
            }
            decoded.add(i);
            updates.add(new ConfigObjectWriter.Update(file.objectId(), config, author(file.source())));
        }
        if (files.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return writer.newValidVersions(db, organization(files.stream().map(ChangedFile::source)), updates)
                .invoke(attempts -> {
                    for (int k = 0; k < attempts.size(); k++) {
                        int at = decoded.get(k);
                        ConfigObjectWriter.Attempt attempt = attempts.get(k);
                        UUID objectId = files.get(at).objectId();
                        if (attempt.invalid() != null) {
                            errors.add(failed(db, objectId, out, at, message(attempt.invalid())));
                        } else {
                            out[at] = new Written(objectId, attempt.written().versionId(), null);
                        }
                    }
                })
                .call(errors::write)
                .map(ignored -> List.of(out));
    }

    @Override
    public Uni<Void> deleteAll(SqlConnection db, List<GoneFile> files) {
        if (files.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return writer.deletedVersions(
                        db,
                        organization(files.stream().map(GoneFile::source)),
                        files.stream()
                                .map(f -> new ConfigObjectWriter.Deletion(f.objectId(), author(f.source())))
                                .toList())
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> move(SqlConnection db, UUID objectId, SourceObject source) {
        return ConfigObjects.move(db, objectId, source.fileName(), source.extension(), source.path());
    }

    private static final String NOT_UTF8 = "file is not UTF-8 text";

    /** The identity of a new file that cannot be written: status {@code ingestion_error}, no version. */
    private static Uni<Void> created(SqlConnection db, SourceObject source, Written[] out, int at, String error) {
        return insertErroredIdentity(db, source, type(source))
                .invoke(id -> out[at] = new Written(id, null, error))
                .replaceWithVoid();
    }

    /** An existing object whose new content cannot be written: marked {@code ingestion_error}. */
    private static Uni<Void> failed(SqlConnection db, UUID objectId, Written[] out, int at, String error) {
        return ConfigObjects.setStatus(db, objectId, ConfigObjects.Status.INGESTION_ERROR)
                .invoke(() -> out[at] = new Written(objectId, null, error));
    }

    /** The writes for files that cannot be written (rare): one after the other, after the batch. */
    private static final class Errors {
        private final List<Uni<Void>> steps = new ArrayList<>();

        void add(Uni<Void> step) {
            steps.add(step);
        }

        Uni<Void> write() {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Uni<Void> step : steps) {
                chain = chain.call(() -> step);
            }
            return chain;
        }
    }

    /** The one organisation of a sync's files. */
    private static UUID organization(Stream<SourceObject> sources) {
        List<UUID> orgs = sources.map(SourceObject::organizationId).distinct().toList();
        if (orgs.size() != 1) {
            throw new IllegalArgumentException("the files of one write belong to one organisation, not " + orgs);
        }
        return orgs.get(0);
    }

    private static Uni<UUID> insertErroredIdentity(SqlConnection db, SourceObject source, ObjectType type) {
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

    /** The file as the library takes it, or null when its content is not UTF-8 text. */
    private static ConfigSource configSource(SourceObject source, byte[] content) {
        String text = utf8(content);
        if (text == null) {
            return null;
        }
        String stem = source.fileName().contains(".")
                ? source.fileName().substring(0, source.fileName().lastIndexOf('.'))
                : source.fileName();
        boolean hinted =
                source.objectType().equals("context") || source.objectType().equals("custom");
        return new ConfigSource(text, null, source.path(), hinted && !stem.isBlank() ? stem : null);
    }

    /** Written via the connector, for the member the mapping belongs to (the creator of what it creates). */
    private static VersionAuthor author(SourceObject source) {
        return VersionAuthor.connector(source.attributedTo(), source.syncEventId(), source.revision());
    }

    private static String message(InvalidContentException invalid) {
        return invalid.errors().stream().map(SourceErrors::line).collect(Collectors.joining("; "));
    }

    /** The text, or null when the bytes are not UTF-8. */
    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
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
