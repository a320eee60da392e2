package io.plugsync.cli;

import java.nio.file.Path;
import java.util.Map;

/** Process environment and working directory; replaceable so tests can run commands in-process. */
public record Environment(Map<String, String> variables, Path workingDir) {
    private static Environment current =
            new Environment(System.getenv(), Path.of("").toAbsolutePath());

    public static Environment current() {
        return current;
    }

    public static void use(Environment environment) {
        current = environment;
    }
}
