package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.v3.DiffSummary;
import io.plugsync.common.v3.JsonDiff;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", description = "Compare the files with the draft (or the active or any version).")
final class DiffCommand extends ApiCommand {
    @Parameters(index = "0", arity = "0..1", description = "directory (default: .)")
    Path dir;

    @Option(names = "--against", description = "draft (default), active, or a version number", defaultValue = "draft")
    String against;

    @Option(names = "--exit-code", description = "exit 1 when there are differences (drift detection in CI)")
    boolean exitCode;

    @Override
    public Integer call() {
        ConfigDir files = new ConfigDir(Environment.current().workingDir().resolve(dir == null ? Path.of(".") : dir));
        ConfigDir.Meta meta = files.meta();
        String id = meta.connectorId() != null ? meta.connectorId() : connectorId(meta.connector());
        JsonNode server = serverDocument(id);
        ObjectNode local = files.readDocument();
        DiffSummary summary = DiffSummary.of(server, local);
        List<String> paths = JsonDiff.changedPaths(server, local);
        if (out().json()) {
            ObjectNode result =
                    ApiClient.JSON.createObjectNode().put("against", against).put("different", !paths.isEmpty());
            result.set("summary", ApiClient.JSON.valueToTree(summary));
            result.set("changed_paths", ApiClient.JSON.valueToTree(paths));
            out().json(result);
        } else if (paths.isEmpty()) {
            out().line("no differences between " + files.path() + " and the " + label());
        } else {
            out().line("files differ from the " + label() + " (" + paths.size() + " path(s)):");
            section("entities", summary.entities());
            section("event flows", summary.eventFlows());
            section("settings", summary.settings());
            paths.forEach(p -> out().line("  ~ " + p + "   [" + files.locate(p) + "]"));
        }
        return exitCode && !paths.isEmpty() ? ExitCodes.DIFFERENT : ExitCodes.OK;
    }

    private String label() {
        return switch (against) {
            case "draft" -> "draft";
            case "active" -> "active version";
            default -> "version " + against;
        };
    }

    private void section(String name, DiffSummary.Section section) {
        if (section.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("  " + name + ":");
        section.added().forEach(k -> line.append(" +").append(k));
        section.removed().forEach(k -> line.append(" -").append(k));
        section.changed().forEach(k -> line.append(" ~").append(k));
        out().line(line.toString());
    }

    private JsonNode serverDocument(String id) {
        return switch (against) {
            case "draft" -> api().get(connectorPath(id) + "/draft").body().path("document");
            case "active" -> api().get(connectorPath(id) + "/active").body().path("document");
            default -> {
                try {
                    int version = Integer.parseInt(against);
                    yield api().get(connectorPath(id) + "/versions/" + version)
                            .body()
                            .path("document");
                } catch (NumberFormatException e) {
                    throw new CliException(ExitCodes.USAGE, "--against must be draft, active or a version number");
                }
            }
        };
    }
}
