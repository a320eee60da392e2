package io.plugsync.common.library;

import io.plugsync.common.http.ProblemException;
import io.plugsync.common.outbox.ConfigObjectVersionCreated;
import io.plugsync.common.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one write path of config object content, shared by config-api and connector-ingest (seed
 * 001 write patterns). Every method runs in the caller's transaction ({@code db}): it writes an
 * immutable encrypted version, projects its metadata onto {@code config_object} and appends a
 * {@code config_object.version.created} outbox event. Version writes on one object are serialized
 * by locking the object row, so the projection always describes the latest version. Each write has
 * a batch form ({@code createAll}, {@code newVersions}, {@code deletedVersions}) that writes many
 * objects in a few statements (a sync of thousands of files); the single forms are batches of one.
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

    /** A new version of an existing object from new content (see {@link #newVersions}). */
    public record Update(UUID configObjectId, ConfigSource source, VersionAuthor author) {}

    /** A terminal deleted version of an existing object (see {@link #deletedVersions}). */
    public record Deletion(UUID configObjectId, VersionAuthor author) {}

    /**
     * The outcome of one write of a lenient batch ({@link #createValid}, {@link #newValidVersions}):
     * the version written, or why the content is invalid (nothing was written for it).
     */
    public record Attempt(WrittenVersion written, InvalidContentException invalid) {}

    /** Inserts the identity row and its first version. */
    public Uni<WrittenVersion> create(SqlClient db, NewConfigObject command) {
        return createAll(db, List.of(command)).map(written -> written.get(0));
    }

    /**
     * Inserts identity rows and their first versions, in a few statements whatever their number
     * (callers bound the list size); the results in the order of {@code commands}. All content is
     * parsed first: one invalid file fails the call before anything is written.
     */
    public Uni<List<WrittenVersion>> createAll(SqlClient db, List<NewConfigObject> commands) {
        return Uni.createFrom()
                .item(() -> commands.stream()
                        .map(c -> ConfigParsers.parse(c.type(), c.source()))
                        .toList())
                .flatMap(parsed -> insertNew(db, commands, parsed));
    }

    /**
     * Like {@link #createAll}, but a command whose content does not parse is left out (its attempt
     * names the error) and the others are written; one parse per command.
     */
    public Uni<List<Attempt>> createValid(SqlClient db, List<NewConfigObject> commands) {
        return Uni.createFrom()
                .item(() -> parseEach(commands, c -> c.type(), NewConfigObject::source))
                .flatMap(parses -> {
                    List<Integer> valid = parses.validIndexes();
                    return insertNew(
                                    db,
                                    valid.stream().map(commands::get).toList(),
                                    valid.stream().map(parses.parsed()::get).toList())
                            .map(parses::attempts);
                });
    }

    private Uni<List<WrittenVersion>> insertNew(
            SqlClient db, List<NewConfigObject> commands, List<ParsedConfig> parsed) {
        if (commands.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = commands.stream().map(c -> UUID.randomUUID()).toList();
        List<Pending> pending = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            NewConfigObject command = commands.get(i);
            pending.add(new Pending(ids.get(i), command.organizationId(), parsed.get(i), command.author()));
        }
        return ConfigObjectRows.insertObjects(db, ids, commands, projections(pending))
                .flatMap(ignored -> write(db, pending));
    }

    /** A new version of an existing object from new content; the object becomes active again. */
    public Uni<WrittenVersion> newVersion(
            SqlClient db, UUID organizationId, UUID configObjectId, ConfigSource source, VersionAuthor author) {
        return newVersions(db, organizationId, List.of(new Update(configObjectId, source, author)))
                .map(written -> written.get(0));
    }

    /**
     * New versions of existing objects of one organisation (distinct objects; callers bound the list
     * size), in a few statements; the results in the order of {@code updates}. The objects are
     * locked and all content parsed before anything is written.
     */
    public Uni<List<WrittenVersion>> newVersions(SqlClient db, UUID organizationId, List<Update> updates) {
        return lock(
                        db,
                        organizationId,
                        updates.stream().map(Update::configObjectId).toList())
                .flatMap(types -> {
                    List<ParsedConfig> parsed = updates.stream()
                            .map(u -> ConfigParsers.parse(types.get(u.configObjectId()), u.source()))
                            .toList();
                    return updateExisting(db, organizationId, updates, parsed);
                });
    }

    /**
     * Like {@link #newVersions}, but an object whose new content does not parse gets no version (its
     * attempt names the error) and the others are written; one parse per update.
     */
    public Uni<List<Attempt>> newValidVersions(SqlClient db, UUID organizationId, List<Update> updates) {
        return lock(
                        db,
                        organizationId,
                        updates.stream().map(Update::configObjectId).toList())
                .flatMap(types -> {
                    Parses<Update> parses = parseEach(updates, u -> types.get(u.configObjectId()), Update::source);
                    List<Integer> valid = parses.validIndexes();
                    return updateExisting(
                                    db,
                                    organizationId,
                                    valid.stream().map(updates::get).toList(),
                                    valid.stream().map(parses.parsed()::get).toList())
                            .map(parses::attempts);
                });
    }

    private Uni<List<WrittenVersion>> updateExisting(
            SqlClient db, UUID organizationId, List<Update> updates, List<ParsedConfig> parsed) {
        if (updates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Pending> pending = new ArrayList<>(updates.size());
        for (int i = 0; i < updates.size(); i++) {
            Update u = updates.get(i);
            pending.add(new Pending(u.configObjectId(), organizationId, parsed.get(i), u.author()));
        }
        List<UUID> ids = updates.stream().map(Update::configObjectId).toList();
        return write(db, pending).call(written -> ConfigObjectRows.project(db, ids, projections(pending)));
    }

    /** Locks distinct objects of the organisation (one batch writes one version per object); their types. */
    private static Uni<Map<UUID, ObjectType>> lock(SqlClient db, UUID organizationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Uni.createFrom()
                .item(() -> distinct(ids))
                .flatMap(checked -> ConfigObjectRows.lock(db, organizationId, checked));
    }

    /** Each item's parse: the parsed content, or the error (then null in {@code parsed}). */
    private record Parses<T>(List<ParsedConfig> parsed, List<InvalidContentException> errors) {
        List<Integer> validIndexes() {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < parsed.size(); i++) {
                if (parsed.get(i) != null) {
                    out.add(i);
                }
            }
            return out;
        }

        /** The attempts in item order, from the versions written for the valid items (in order). */
        List<Attempt> attempts(List<WrittenVersion> written) {
            List<Attempt> out = new ArrayList<>(parsed.size());
            int next = 0;
            for (int i = 0; i < parsed.size(); i++) {
                out.add(
                        parsed.get(i) != null
                                ? new Attempt(written.get(next++), null)
                                : new Attempt(null, errors.get(i)));
            }
            return out;
        }
    }

    private static <T> Parses<T> parseEach(
            List<T> items, Function<T, ObjectType> type, Function<T, ConfigSource> source) {
        List<ParsedConfig> parsed = new ArrayList<>(items.size());
        List<InvalidContentException> errors = new ArrayList<>(items.size());
        for (T item : items) {
            try {
                parsed.add(ConfigParsers.parse(type.apply(item), source.apply(item)));
                errors.add(null);
            } catch (InvalidContentException e) {
                parsed.add(null);
                errors.add(e);
            }
        }
        return new Parses<>(parsed, errors);
    }

    /**
     * A terminal deleted version (soft delete): the identity row stays, its status becomes
     * {@code deleted} and it leaves search; history and plugin memberships are kept.
     */
    public Uni<WrittenVersion> deletedVersion(
            SqlClient db, UUID organizationId, UUID configObjectId, VersionAuthor author) {
        return deletedVersions(db, organizationId, List.of(new Deletion(configObjectId, author)))
                .map(written -> written.get(0));
    }

    /** Terminal deleted versions of objects of one organisation (see {@link #deletedVersion}), in a few statements. */
    public Uni<List<WrittenVersion>> deletedVersions(SqlClient db, UUID organizationId, List<Deletion> deletions) {
        if (deletions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = deletions.stream().map(Deletion::configObjectId).toList();
        return lock(db, organizationId, ids).flatMap(types -> {
            List<Pending> pending = deletions.stream()
                    .map(d -> new Pending(
                            d.configObjectId(),
                            organizationId,
                            new ParsedConfig(
                                    types.get(d.configObjectId()),
                                    ConfigParsers.JSON.createObjectNode().put("deleted", true),
                                    null,
                                    null),
                            d.author()))
                    .toList();
            return write(db, pending).call(written -> ConfigObjectRows.markDeleted(db, ids));
        });
    }

    /**
     * Restores the newest non-deleted version's content as a new latest version.
     *
     * @return a 409 problem when the object has no content version to restore
     */
    public Uni<WrittenVersion> restore(SqlClient db, UUID organizationId, UUID configObjectId, VersionAuthor author) {
        return ConfigObjectRows.lock(db, organizationId, List.of(configObjectId))
                .map(types -> types.get(configObjectId))
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
                                List<Pending> pending =
                                        List.of(new Pending(configObjectId, organizationId, parsed, author));
                                return write(db, pending)
                                        .call(v -> ConfigObjectRows.project(
                                                db, List.of(configObjectId), projections(pending)))
                                        .map(written -> written.get(0));
                            });
                        }));
    }

    /** A version about to be written: its object, organisation, parsed content and author. */
    private record Pending(UUID objectId, UUID organizationId, ParsedConfig parsed, VersionAuthor author) {}

    /**
     * Seals and inserts one version per pending write and appends their outbox events (in the same
     * order, in the caller's transaction); the written versions in that order.
     */
    private Uni<List<WrittenVersion>> write(SqlClient db, List<Pending> pending) {
        List<ConfigObjectRows.VersionRow> rows = pending.stream()
                .map(p -> new ConfigObjectRows.VersionRow(
                        p.objectId(),
                        sealer.seal(
                                p.objectId(), p.parsed().payload(), p.parsed().rawText()),
                        p.author(),
                        p.parsed().projection() == null))
                .toList();
        return ConfigObjectRows.insertVersions(db, rows).flatMap(inserted -> {
            List<WrittenVersion> written = new ArrayList<>(pending.size());
            List<ConfigObjectVersionCreated> events = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                ConfigObjectRows.Inserted row = inserted.get(p.objectId());
                boolean deleted = p.parsed().projection() == null;
                written.add(new WrittenVersion(
                        p.objectId(),
                        row.versionId(),
                        row.createdAt(),
                        deleted,
                        p.parsed().projection()));
                events.add(new ConfigObjectVersionCreated(
                        p.organizationId(),
                        p.objectId(),
                        row.versionId(),
                        p.parsed().type().wire(),
                        deleted));
            }
            return OutboxWriter.appendAll(db, events).replaceWith(written);
        });
    }

    /** {@code ids}, which must not repeat an object: one call writes one version per object. */
    private static List<UUID> distinct(List<UUID> ids) {
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("one write names an object twice");
        }
        return ids;
    }

    private static List<Projection> projections(List<Pending> pending) {
        return pending.stream().map(p -> p.parsed().projection()).toList();
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
}
