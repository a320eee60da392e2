package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = "The draft journal: who changed what, from which kind of writer.")
final class HistoryCommand extends ApiCommand {
    @Parameters(index = "0", description = "connector id or name")
    String connector;

    @Option(names = "--limit", description = "how many (default 20)", defaultValue = "20")
    int limit;

    @Override
    public Integer call() {
        String id = connectorId(connector);
        JsonNode page =
                api().get(connectorPath(id) + "/draft/history?limit=" + limit).body();
        if (out().json()) {
            out().json(page);
            return ExitCodes.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode change : page.path("items")) {
            List<String> paths = new ArrayList<>();
            change.path("paths").forEach(p -> paths.add(p.asText()));
            rows.add(List.of(
                    change.path("created_at").asText(""),
                    change.path("writer_kind").asText(""),
                    change.path("actor").asText(""),
                    change.path("action").asText(""),
                    String.join(" ", paths)));
        }
        out().table(List.of("when", "writer", "who", "action", "paths"), rows);
        return ExitCodes.OK;
    }
}
