package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plugsync rollout status|pause|resume|promote|abort <connector>}: where a connector's rollout
 * is and what the fleet runs, and the manual actions on it. A publish starts a rollout ({@code push
 * --publish --rollout linear:25%/10m}).
 */
@Command(
        name = "rollout",
        description = "The connector's rollout: status (steps, health, fleet), pause, resume, promote, abort.",
        subcommands = {
            RolloutCommand.Status.class,
            RolloutCommand.Pause.class,
            RolloutCommand.Resume.class,
            RolloutCommand.Promote.class,
            RolloutCommand.Abort.class
        })
final class RolloutCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "status", description = "The rollout (in progress, else the newest) and the fleet by version.")
    static final class Status extends ApiCommand {
        @Parameters(index = "0", description = "connector id or name")
        String connector;

        @Override
        public Integer call() {
            String id = connectorId(connector);
            JsonNode fleet = api().get(connectorPath(id) + "/fleet?limit=200").body();
            JsonNode rollout = fleet.path("rollout");
            if (out().json()) {
                out().json(fleet);
                return ExitCodes.OK;
            }
            if (!rollout.isObject()) {
                out().line("no rollout: every worker runs v"
                        + fleet.path("serving_version").asInt());
            } else {
                printRollout(this, rollout);
            }
            JsonNode summary = fleet.path("summary");
            out().line("");
            out().line("fleet: " + summary.path("workers").asLong() + " worker(s) reporting");
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode v : summary.path("versions")) {
                rows.add(List.of(
                        "v" + v.path("version").asInt(),
                        Long.toString(v.path("workers").asLong())));
            }
            if (!rows.isEmpty()) {
                out().table(List.of("VERSION", "WORKERS"), rows);
            }
            long lagging = 0;
            for (JsonNode w : fleet.path("items")) {
                if (!w.path("on_target").asBoolean()) {
                    lagging++;
                }
            }
            if (lagging > 0) {
                out().line(out().yellow(lagging + " worker(s) not on their target version yet"));
            }
            return ExitCodes.OK;
        }
    }

    static void printRollout(ApiCommand command, JsonNode r) {
        Output out = command.out();
        out.line("rollout " + r.path("id").asText() + "  " + r.path("spec").asText());
        out.line("  state:    " + r.path("state").asText()
                + (r.path("reason").isTextual() ? " (" + r.path("reason").asText() + ")" : ""));
        out.line("  versions: v" + r.path("stable_version").asInt() + " (stable) -> v"
                + r.path("candidate_version").asInt() + " (candidate)");
        out.line("  step:     " + (r.path("step").asInt() + 1) + " of "
                + r.path("steps").size() + ", "
                + r.path("percent").asDouble() + "% of the workers"
                + (r.path("next_step_at").isTextual()
                        ? ", next at " + r.path("next_step_at").asText()
                        : ""));
        JsonNode health = r.path("health");
        if (health.isObject()) {
            out.line(String.format(
                    java.util.Locale.ROOT,
                    "  health:   candidate %.4f error rate (%d reports), stable %.4f (%d reports)%s",
                    health.path("candidate").path("error_rate").asDouble(),
                    health.path("candidate").path("reports").asLong(),
                    health.path("stable").path("error_rate").asDouble(),
                    health.path("stable").path("reports").asLong(),
                    health.path("breached").asBoolean() ? "  " + out.yellow("BREACHED") : ""));
        }
        List<List<String>> steps = new ArrayList<>();
        for (JsonNode s : r.path("steps")) {
            steps.add(List.of(
                    Integer.toString(s.path("index").asInt() + 1),
                    s.path("percent").asDouble() + "%",
                    s.path("duration_seconds").asLong() + "s",
                    s.path("status").asText()));
        }
        out.table(List.of("STEP", "SHARE", "DURATION", "STATUS"), steps);
    }

    /** pause, resume, promote, abort: POST with an optional reason. */
    abstract static class Action extends ApiCommand {
        @Parameters(index = "0", description = "connector id or name")
        String connector;

        @Option(names = "--reason", description = "why (journalled with the action)")
        String reason;

        abstract String action();

        @Override
        public Integer call() {
            String id = connectorId(connector);
            ObjectNode body = ApiClient.JSON.createObjectNode();
            if (reason != null) {
                body.put("reason", reason);
            }
            JsonNode rollout = api().send("POST", connectorPath(id) + "/rollout/" + action(), body, Map.of())
                    .body()
                    .path("item");
            if (out().json()) {
                out().json(rollout);
            } else {
                out().line(action() + ": rollout of v"
                        + rollout.path("candidate_version").asInt() + " is "
                        + rollout.path("state").asText());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "pause", description = "Hold the rollout where it is (workers keep their versions).")
    static final class Pause extends Action {
        @Override
        String action() {
            return "pause";
        }
    }

    @Command(name = "resume", description = "Continue a paused rollout with the time its step had left.")
    static final class Resume extends Action {
        @Override
        String action() {
            return "resume";
        }
    }

    @Command(name = "promote", description = "Finish now: every worker runs the candidate.")
    static final class Promote extends Action {
        @Override
        String action() {
            return "promote";
        }
    }

    @Command(name = "abort", description = "Stop: every worker goes back to the stable version.")
    static final class Abort extends Action {
        @Override
        String action() {
            return "abort";
        }
    }
}
