package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "log", description = "Published versions, newest first.")
final class LogCommand extends ApiCommand {
    @Parameters(index = "0", description = "connector id or name")
    String connector;

    @Option(names = "--limit", description = "how many (default 20)", defaultValue = "20")
    int limit;

    @Override
    public Integer call() {
        String id = connectorId(connector);
        JsonNode page =
                api().get(connectorPath(id) + "/versions?limit=" + limit).body();
        if (out().json()) {
            out().json(page);
            return ExitCodes.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode v : page.path("items")) {
            rows.add(List.of(
                    "v" + v.path("version").asText()
                            + (v.path("is_active").asBoolean()
                                            || v.path("active").asBoolean()
                                    ? " *"
                                    : ""),
                    v.path("published_at").asText(""),
                    v.path("published_by").asText(""),
                    v.path("message").asText("")));
        }
        out().table(List.of("version", "published at", "by", "message"), rows);
        return ExitCodes.OK;
    }
}
