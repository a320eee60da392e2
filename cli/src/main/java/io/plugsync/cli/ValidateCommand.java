package io.plugsync.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.v3.V3Error;
import io.plugsync.common.v3.V3Validator;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "validate",
        description =
                "Validate the files offline with the V3 schema (same rules and messages as the API), then on the server.")
final class ValidateCommand extends ApiCommand {
    @Parameters(index = "0", arity = "0..1", description = "directory (default: .)")
    Path dir;

    @Option(names = "--offline", description = "skip the server check")
    boolean offline;

    @Override
    public Integer call() {
        ConfigDir files = new ConfigDir(Environment.current().workingDir().resolve(dir == null ? Path.of(".") : dir));
        ObjectNode document = files.readDocument();
        List<V3Error> errors = V3Validator.get().validate(document);
        if (!errors.isEmpty()) {
            report(files, errors);
            return ExitCodes.INVALID;
        }
        if (!offline) {
            ConfigDir.Meta meta = files.meta();
            String id = meta.connectorId() != null ? meta.connectorId() : connectorId(meta.connector());
            try {
                api().send("POST", connectorPath(id) + "/draft/validate", document, java.util.Map.of());
            } catch (ApiClient.ApiException e) {
                if (e.status() != 404 || !e.reason().equals("not-found")) {
                    throw e;
                }
            }
        }
        if (out().json()) {
            out().json(ApiClient.JSON
                    .createObjectNode()
                    .put("valid", true)
                    .set("errors", ApiClient.JSON.createArrayNode()));
        } else {
            out().line(out().green("valid") + (offline ? " (offline)" : ""));
        }
        return ExitCodes.OK;
    }

    private void report(ConfigDir files, List<V3Error> errors) {
        if (out().json()) {
            ArrayNode list = ApiClient.JSON.createArrayNode();
            errors.forEach(e -> list.addObject()
                    .put("pointer", e.pointer())
                    .put("file", files.locate(e.pointer()))
                    .put("message", e.message())
                    .put("code", e.code()));
            ObjectNode result = ApiClient.JSON.createObjectNode().put("valid", false);
            result.set("errors", list);
            out().json(result);
            return;
        }
        out().error("invalid: " + errors.size() + " error(s)");
        errors.forEach(e -> out().error("  " + files.locate(e.pointer()) + " (" + e.pointer() + "): " + e.message()));
    }
}
