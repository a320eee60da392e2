package io.plugsync.cli;

import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * {@code plugsync}: connector config as code for setup scripts and CI. Talks to config-api over
 * HTTP only, as the {@code script} writer. Draft-only by default; {@code push --publish} publishes.
 */
@Command(
        name = "plugsync",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        version = "plugsync 0.1.0",
        description =
                "PlugSync connector config as code. './plugsync local' (repository launcher) starts the local stack.",
        subcommands = {
            PullCommand.class,
            ValidateCommand.class,
            DiffCommand.class,
            PushCommand.class,
            StatusCommand.class,
            PublishCommand.class,
            LogCommand.class,
            HistoryCommand.class,
            PluginsCommand.class,
            ReviewCommand.class,
            RolloutCommand.class,
            DraftActionCommands.Restore.class,
            DraftActionCommands.Reset.class,
            DraftActionCommands.Rebase.class,
            AutoComplete.GenerateCompletion.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0 ok            1 differences (diff --exit-code)   2 usage",
            "  3 invalid config (422)                 4 conflict (409: stale base, no changes, review or approvals"
                    + " missing; 423: publishing frozen; draft edits of others)",
            "  5 not authenticated or not allowed     6 not found   7 server or network error after retries"
        })
public final class PlugSyncCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** A command line with PlugSync's exit-code mapping for errors. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PlugSyncCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(PlugSyncCli::exitCode);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(message(e));
            commandLine.getErr().flush();
            return exitCode(e);
        });
        return cli;
    }

    static int exitCode(Throwable e) {
        if (e instanceof CliException cli) {
            return cli.exitCode();
        }
        if (e instanceof ApiClient.ApiException api) {
            return ExitCodes.forStatus(api.status());
        }
        if (e instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.SERVER;
    }

    private static String message(Throwable e) {
        if (e instanceof ApiClient.ApiException api) {
            return ProblemPrinter.render(api, null);
        }
        return "error: " + (e.getMessage() == null ? e.toString() : e.getMessage());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(commandLine(out, err).execute(args));
    }
}
