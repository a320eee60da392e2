package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options and helpers every subcommand that talks to config-api shares. */
abstract class ApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--url", description = "config-api URL (default: $PLUGSYNC_URL, .plugsync/local.env, profile)")
    String url;

    @Option(names = "--token", description = "bearer token (default: $PLUGSYNC_TOKEN, .plugsync/local.env, profile)")
    String token;

    @Option(
            names = {"-o", "--output"},
            description = "text (default) or json",
            defaultValue = "text")
    String output;

    private ApiClient api;
    private Output out;

    ApiClient api() {
        if (api == null) {
            Environment env = Environment.current();
            api = new ApiClient(Settings.resolve(url, token, env.variables(), env.workingDir()));
        }
        return api;
    }

    Output out() {
        if (out == null) {
            if (!output.equals("text") && !output.equals("json")) {
                throw new CliException(ExitCodes.USAGE, "--output must be text or json");
            }
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter stderr = spec.commandLine().getErr();
            out = new Output(stdout, stderr, output.equals("json"));
        }
        return out;
    }

    /** A connector id from an id or a name (names are looked up among the caller's connectors). */
    String connectorId(String idOrName) {
        try {
            return UUID.fromString(idOrName).toString();
        } catch (IllegalArgumentException notAnId) {
            String cursor = null;
            do {
                JsonNode page = api().get(
                                "/api/connectors?limit=200" + (cursor == null ? "" : "&cursor=" + encode(cursor)))
                        .body();
                for (JsonNode item : page.path("items")) {
                    if (idOrName.equals(item.path("name").asText())) {
                        return item.path("id").asText();
                    }
                }
                cursor = page.path("next_cursor").isTextual()
                        ? page.path("next_cursor").asText()
                        : null;
            } while (cursor != null);
            throw new CliException(ExitCodes.NOT_FOUND, "no connector named '" + idOrName + "'");
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String connectorPath(String id) {
        return "/api/connectors/" + id;
    }
}
