package io.plugsync.api.version;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.connector.ConnectorAccess;
import io.plugsync.api.http.Page;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.Cursor;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.v3.DiffSummary;
import io.plugsync.common.v3.JsonDiff;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Read-only views of published versions: list, one, active, replication status, diff. */
@ApplicationScoped
public class VersionService {
    private final Pool pool;
    private final ConnectorAccess access;
    private final VersionRepository versions;

    public VersionService(Pool pool, ConnectorAccess access, VersionRepository versions) {
        this.pool = pool;
        this.access = access;
        this.versions = versions;
    }

    public Uni<Page<VersionView>> list(Caller caller, UUID id, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        Integer before = cursor == null ? null : cursorVersion(cursor);
        return pool.withConnection(db -> access.read(db, caller, id)
                .flatMap(org -> versions.page(db, id, before, size + 1))
                .map(rows -> {
                    List<VersionView> items = rows.subList(0, Math.min(size, rows.size())).stream()
                            .map(VersionView::of)
                            .toList();
                    String next = rows.size() > size
                            ? Cursor.encode(Integer.toString(items.get(size - 1).version()))
                            : null;
                    return new Page<>(items, next);
                }));
    }

    public Uni<VersionView> get(Caller caller, UUID id, int version) {
        return pool.withConnection(db -> access.read(db, caller, id)
                .flatMap(org -> versions.find(db, id, version))
                .map(found -> VersionView.of(found.orElseThrow(() -> unknownVersion(version)))));
    }

    public Uni<VersionView> active(Caller caller, UUID id) {
        return pool.withConnection(db -> access.read(db, caller, id)
                .flatMap(org -> versions.active(db, id))
                .map(found -> VersionView.of(found.orElseThrow(() -> new ProblemException(Problem.of(
                                404,
                                "no-active-version",
                                "Not found",
                                "connector " + id + " has no published version yet")
                        .with("active_version", 0))))));
    }

    public Uni<VersionStatus> status(Caller caller, UUID id, int version) {
        return pool.withConnection(db -> access.read(db, caller, id)
                .flatMap(org -> versions.find(db, id, version))
                .map(found -> found.orElseThrow(() -> unknownVersion(version)))
                .flatMap(row -> versions.deliveredAt(db, id, version))
                .map(delivered -> new VersionStatus(version, true, delivered.isPresent(), delivered.orElse(null))));
    }

    /** Diff between two documents named {@code draft}, {@code active} or a version number. */
    public Uni<DiffView> diff(Caller caller, UUID id, String from, String to) {
        String fromRef = from == null || from.isBlank() ? "active" : from.trim();
        String toRef = to == null || to.isBlank() ? "draft" : to.trim();
        validateRef("from", fromRef);
        validateRef("to", toRef);
        return pool.withConnection(db -> access.read(db, caller, id)
                .flatMap(org -> document(db, id, fromRef))
                .flatMap(a -> document(db, id, toRef)
                        .map(b -> new DiffView(
                                fromRef,
                                toRef,
                                !V3Document.sameContent(a, b),
                                JsonDiff.diff(a, b),
                                DiffSummary.of(a, b)))));
    }

    private Uni<JsonNode> document(SqlClient db, UUID id, String ref) {
        if (ref.equals("draft")) {
            return db.preparedQuery(
                            "SELECT document::text AS document FROM connector_config_drafts WHERE connector_id = $1")
                    .execute(Tuple.of(id))
                    .map(rows -> V3Document.parse(rows.iterator().next().getString("document")));
        }
        if (ref.equals("active")) {
            return versions.active(db, id)
                    .map(found -> found.map(VersionRow::document).orElseGet(V3Document::empty));
        }
        int version = Integer.parseInt(ref);
        if (version == 0) {
            return Uni.createFrom().item(V3Document.empty());
        }
        return versions.find(db, id, version)
                .map(found -> found.map(VersionRow::document).orElseThrow(() -> unknownVersion(version)));
    }

    private static void validateRef(String name, String ref) {
        if (!ref.equals("draft") && !ref.equals("active") && !ref.matches("\\d{1,9}")) {
            throw ProblemException.invalid(
                    name + " must be draft, active or a version number",
                    List.of(new Problem.FieldError("query:" + name, "draft, active or a version number", "enum")));
        }
    }

    private static int cursorVersion(String cursor) {
        try {
            return Integer.parseInt(Cursor.decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this API issued");
        }
    }

    static ProblemException unknownVersion(int version) {
        return new ProblemException(
                Problem.of(404, "unknown-version", "Not found", "version " + version + " does not exist")
                        .with("version", version));
    }
}
