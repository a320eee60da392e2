package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.v3.DiffSummary;
import io.plugsync.common.v3.JsonDiff;
import io.plugsync.common.v3.V3Document;
import io.plugsync.common.v3.V3Error;
import io.plugsync.common.v3.V3Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Replaces the draft with the files. Never publishes without {@code --publish}: setup scripts and
 * CI stay draft-only unless they say otherwise.
 */
@Command(
        name = "push",
        description = {
            "Replace the connector's draft with the files. Draft only unless --publish.",
            "With --publish the files are applied and published in one request (atomic), on the version the files were"
                    + " pulled at (409 -> exit 4 when someone published since)."
        })
final class PushCommand extends ApiCommand {
    @Parameters(index = "0", arity = "0..1", description = "directory (default: .)")
    Path dir;

    @Option(names = "--publish", description = "also publish, atomically")
    boolean publish;

    @Option(
            names = "--base-version",
            description = "publish on this version instead of the one the files were pulled at")
    Integer baseVersion;

    @Option(names = "--force", description = "publish on whatever version is active now (skips the stale check)")
    boolean force;

    @Option(
            names = {"-m", "--message"},
            description = "publish message")
    String message;

    @Option(names = "--wait-replicated", description = "wait until the version reached the DynamoDB replica")
    boolean waitReplicated;

    @Option(names = "--timeout", description = "for --wait-replicated (default 60s)", defaultValue = "60s")
    String timeout;

    @Option(names = "--dry-run", description = "show what would change and change nothing")
    boolean dryRun;

    @Option(names = "--overwrite-draft", description = "replace a draft holding other writers' unpublished edits")
    boolean overwriteDraft;

    @Option(
            names = "--rollout",
            description = "with --publish: roll the version out in steps, e.g. linear:25%/10m, canary:10%/15m/bake=1h,"
                    + " exponential:5%/10m, all_at_once (default: the connector's or organisation's default)")
    String rollout;

    @Option(names = "--supersede-rollout", description = "with --publish: replace a rollout still in progress")
    boolean supersedeRollout;

    @Override
    public Integer call() {
        if ((rollout != null || supersedeRollout) && !publish) {
            throw new CliException(ExitCodes.USAGE, "--rollout and --supersede-rollout need --publish");
        }
        ConfigDir files = new ConfigDir(Environment.current().workingDir().resolve(dir == null ? Path.of(".") : dir));
        ConfigDir.Meta meta = files.meta();
        String id = meta.connectorId() != null ? meta.connectorId() : connectorId(meta.connector());
        ObjectNode document = files.readDocument();
        List<V3Error> errors = V3Validator.get().validate(document);
        if (!errors.isEmpty()) {
            out().error("invalid config, nothing pushed:");
            errors.forEach(
                    e -> out().error("  " + files.locate(e.pointer()) + " (" + e.pointer() + "): " + e.message()));
            return ExitCodes.INVALID;
        }
        JsonNode draft = api().get(connectorPath(id) + "/draft").body();
        JsonNode draftDocument = draft.path("document");
        boolean othersEdits = draft.path("has_unpublished_changes").asBoolean()
                && draft.path("revision").asLong() != meta.draftRevision()
                && !V3Document.sameContent(draftDocument, document);
        if (othersEdits && !overwriteDraft && !dryRun) {
            out().error("the draft holds unpublished changes made since these files were pulled (last by "
                    + draft.path("updated_by").asText("?") + "); they would be lost:");
            JsonDiff.changedPaths(document, draftDocument).forEach(p -> out().error("  ~ " + p));
            out().error("pull them first (plugsync pull --draft) or pass --overwrite-draft");
            return ExitCodes.CONFLICT;
        }
        if (dryRun) {
            DiffSummary summary = DiffSummary.of(draftDocument, document);
            List<String> paths = JsonDiff.changedPaths(draftDocument, document);
            if (out().json()) {
                ObjectNode result =
                        ApiClient.JSON.createObjectNode().put("dry_run", true).put("publish", publish);
                result.set("summary", ApiClient.JSON.valueToTree(summary));
                result.set("changed_paths", ApiClient.JSON.valueToTree(paths));
                out().json(result);
            } else {
                out().line(
                                paths.isEmpty()
                                        ? "dry run: the draft already matches the files"
                                        : "dry run: would change " + paths.size() + " path(s) of the draft"
                                                + (publish ? " and publish" : ""));
                paths.forEach(p -> out().line("  ~ " + p));
            }
            return ExitCodes.OK;
        }
        int activeVersion = draft.path("active_version").asInt();
        if (!publish) {
            api().send("PUT", connectorPath(id) + "/config?publish=false", document, Map.of());
            long revision = api().get(connectorPath(id) + "/draft")
                    .body()
                    .path("revision")
                    .asLong();
            files.writeMeta(new ConfigDir.Meta(meta.connector(), id, meta.version(), revision));
            report(
                    id,
                    "draft updated, not published (active stays v" + activeVersion
                            + "); publish with 'plugsync push --publish' or 'plugsync publish'",
                    null);
            return ExitCodes.OK;
        }
        int base = force ? activeVersion : baseVersion != null ? baseVersion : meta.version();
        if (force) {
            out().error("WARNING: --force publishes on the active version v" + activeVersion
                    + " whatever the files were pulled at; changes published since are overwritten");
        }
        String key = idempotencyKey(id, base, document, rollout, supersedeRollout);
        String path = connectorPath(id) + "/config?publish=true&base_version=" + base
                + (message == null ? "" : "&message=" + encode(message))
                + (rollout == null ? "" : "&rollout=" + encode(rollout))
                + (supersedeRollout ? "&supersede_rollout=true" : "");
        JsonNode reply = api().send("PUT", path, document, Map.of("Idempotency-Key", key))
                .body();
        // PUT /config answers {draft, published}; published = {version, checksum, published_at, published_by}
        JsonNode published = reply.has("published") ? reply.path("published") : reply;
        int version = published.path("version").asInt(0);
        if (version == 0) {
            version = api().get(connectorPath(id) + "/active")
                    .body()
                    .path("version")
                    .asInt();
        }
        long revision =
                api().get(connectorPath(id) + "/draft").body().path("revision").asLong();
        files.writeMeta(new ConfigDir.Meta(meta.connector(), id, version, revision));
        JsonNode receipt =
                waitReplicated ? Receipts.awaitReplicated(api(), id, version, Receipts.parse(timeout)) : null;
        JsonNode started = published.path("rollout");
        report(
                id,
                "published v" + version + (receipt != null ? ", replicated" : "")
                        + (started.isObject()
                                ? "; rolling out " + started.path("spec").asText() + " from v"
                                        + started.path("stable_version").asInt() + " (plugsync rollout status)"
                                : ""),
                published);
        return ExitCodes.OK;
    }

    private void report(String id, String text, JsonNode published) {
        if (out().json()) {
            ObjectNode result =
                    ApiClient.JSON.createObjectNode().put("connector_id", id).put("published", publish);
            if (published != null) {
                result.set("version", published.path("version"));
                result.set("checksum", published.path("checksum"));
                if (published.has("rollout")) {
                    result.set("rollout", published.path("rollout"));
                }
            }
            out().json(result);
        } else {
            out().line(text);
        }
    }

    /** Same connector, base and content -> same key: a retried CI job never publishes twice. */
    static String idempotencyKey(String connectorId, int base, JsonNode document) {
        return "plugsync-cli-"
                + CanonicalJson.sha256((connectorId + ":" + base + ":" + CanonicalJson.write(document))
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** As above, and the rollout asked for (another rollout is another request). */
    static String idempotencyKey(
            String connectorId, int base, JsonNode document, String rollout, boolean supersedeRollout) {
        String plain = idempotencyKey(connectorId, base, document);
        if (rollout == null && !supersedeRollout) {
            return plain;
        }
        return plain + "-"
                + CanonicalJson.sha256((rollout + ":" + supersedeRollout).getBytes(StandardCharsets.UTF_8))
                        .substring(0, 16);
    }
}
