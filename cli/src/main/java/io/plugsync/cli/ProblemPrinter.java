package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders an API problem document for a person, with JSON pointers mapped to files when known. */
final class ProblemPrinter {
    private ProblemPrinter() {}

    static String render(ApiClient.ApiException e, ConfigDir dir) {
        JsonNode problem = e.problem();
        StringBuilder text = new StringBuilder();
        text.append("error: HTTP ").append(e.status());
        if (problem.isObject()) {
            text.append(" ").append(problem.path("title").asText(""));
            if (problem.hasNonNull("detail")) {
                text.append(": ").append(problem.path("detail").asText());
            }
            if (problem.has("active_version")) {
                text.append(" (active version ")
                        .append(problem.path("active_version").asText());
                if (problem.has("base_version")) {
                    text.append(", your base ")
                            .append(problem.path("base_version").asText());
                }
                text.append(")");
            }
            for (JsonNode error : problem.path("errors")) {
                String pointer = error.path("pointer").asText("");
                text.append("\n  ")
                        .append(dir == null ? pointer : dir.locate(pointer) + " (" + pointer + ")")
                        .append(": ")
                        .append(error.path("message").asText());
            }
        } else if (!problem.isNull()) {
            text.append(" ").append(problem.asText());
        }
        return text.toString();
    }
}
