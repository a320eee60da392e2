package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plugsync plugins list|pull}: the plugins delivered to the caller ({@code /v1/me/plugins}). */
@Command(
        name = "plugins",
        description = "List and install the plugins you may use.",
        subcommands = {PluginsCommand.ListPlugins.class, PluginsCommand.PullPlugin.class})
final class PluginsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options of both subcommands. */
    abstract static class PluginApiCommand extends ApiCommand {
        @Option(names = "--org", description = "organisation id (needed when your token names several)")
        String org;

        String query() {
            return org == null || org.isBlank() ? "" : "?org_id=" + encode(org.trim());
        }

        JsonNode plugins() {
            return api().get("/v1/me/plugins" + query()).body().path("items");
        }
    }

    @Command(name = "list", description = "List the plugins you may install: name, id, version, members.")
    static final class ListPlugins extends PluginApiCommand {
        @Override
        public Integer call() {
            JsonNode items = plugins();
            if (out().json()) {
                out().json(items);
                return ExitCodes.OK;
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode item : items) {
                rows.add(List.of(
                        item.path("name").asText(),
                        item.path("plugin_id").asText(),
                        "v" + item.path("version").asText(),
                        Integer.toString(item.path("members").size())));
            }
            if (rows.isEmpty()) {
                out().line("no plugins delivered to you yet");
            } else {
                out().table(List.of("NAME", "ID", "VERSION", "MEMBERS"), rows);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "pull", description = "Write a plugin's files (each member at its path) into a directory.")
    static final class PullPlugin extends PluginApiCommand {
        @Parameters(index = "0", description = "plugin id or exact name")
        String plugin;

        @Parameters(index = "1", arity = "0..1", description = "directory (default: ./<plugin-name-slug>)")
        Path dir;

        @Override
        public Integer call() {
            String id = pluginId(plugin);
            JsonNode item = api().get("/v1/me/plugins/" + id + query()).body().path("item");
            Path target = Environment.current()
                    .workingDir()
                    .resolve(
                            dir == null
                                    ? Path.of(PluginFiles.slug(item.path("name").asText()))
                                    : dir);
            JsonNode members = item.path("members");
            // check every path before writing any file: a refused pull leaves nothing behind
            for (JsonNode member : members) {
                PluginFiles.resolve(target, member.path("path").asText(null));
            }
            List<Path> written = new ArrayList<>();
            for (JsonNode member : members) {
                written.add(PluginFiles.write(
                        target,
                        member.path("path").asText(),
                        member.path("content").asText("")));
            }
            if (out().json()) {
                ObjectNode result = ApiClient.JSON
                        .createObjectNode()
                        .put("plugin_id", id)
                        .put("version", item.path("version").asLong())
                        .put("checksum", item.path("checksum").asText())
                        .put("directory", target.toString());
                ArrayNode files = result.putArray("files");
                written.forEach(path -> files.add(path.toString()));
                out().json(result);
            } else {
                for (Path path : written) {
                    out().line("wrote " + path);
                }
                out().line("pulled " + item.path("name").asText() + " v"
                        + item.path("version").asText() + " (" + written.size() + " files) into " + target);
            }
            return ExitCodes.OK;
        }

        /** An id as given, or the id of the one entitled plugin with exactly this name. */
        private String pluginId(String idOrName) {
            try {
                return UUID.fromString(idOrName).toString();
            } catch (IllegalArgumentException notAnId) {
                List<String> matches = new ArrayList<>();
                for (JsonNode item : plugins()) {
                    if (idOrName.equals(item.path("name").asText())) {
                        matches.add(item.path("plugin_id").asText());
                    }
                }
                if (matches.isEmpty()) {
                    throw new CliException(ExitCodes.NOT_FOUND, "no plugin named '" + idOrName + "' delivered to you");
                }
                if (matches.size() > 1) {
                    throw new CliException(
                            ExitCodes.USAGE,
                            "several plugins are named '" + idOrName + "' (" + String.join(", ", matches)
                                    + "); pass an id");
                }
                return matches.get(0);
            }
        }
    }
}
