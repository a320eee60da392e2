package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pull", description = "Write a connector's active version (or its draft) as files.")
final class PullCommand extends ApiCommand {
    @Parameters(index = "0", description = "connector id or name")
    String connector;

    @Parameters(index = "1", arity = "0..1", description = "directory (default: the connector name)")
    Path dir;

    @Option(names = "--draft", description = "pull the draft instead of the active version")
    boolean draft;

    @Override
    public Integer call() {
        String id = connectorId(connector);
        JsonNode draftView = api().get(connectorPath(id) + "/draft").body();
        JsonNode document;
        int version;
        if (draft) {
            document = draftView.path("document");
            version = draftView.path("base_version").asInt();
        } else {
            if (draftView.path("active_version").asInt() == 0) {
                throw new CliException(
                        ExitCodes.NOT_FOUND, "connector " + connector + " has no published version yet; use --draft");
            }
            JsonNode active = api().get(connectorPath(id) + "/active").body();
            document = active.path("document");
            version = active.path("version").asInt();
        }
        ConfigDir target = new ConfigDir(
                dir == null
                        ? Environment.current().workingDir().resolve(connector)
                        : Environment.current().workingDir().resolve(dir));
        target.writeDocument(document);
        target.writeMeta(new ConfigDir.Meta(
                connector, id, version, draftView.path("revision").asLong()));
        if (out().json()) {
            out().json(ApiClient.JSON
                    .createObjectNode()
                    .put("connector_id", id)
                    .put("version", version)
                    .put("source", draft ? "draft" : "active")
                    .put("directory", target.path().toString()));
        } else {
            out().line("pulled " + (draft ? "the draft (based on v" + version + ")" : "v" + version) + " of "
                    + connector + " into " + target.path());
        }
        return ExitCodes.OK;
    }
}
