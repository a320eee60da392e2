package io.plugsync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code plugsync} command line (config-as-code subcommands). */
@Command(
        name = "plugsync",
        mixinStandardHelpOptions = true,
        version = "plugsync 0.1.0",
        description = "PlugSync control plane CLI. 'plugsync local' starts the local stack.")
public final class PlugSyncCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PlugSyncCli()).execute(args));
    }
}
