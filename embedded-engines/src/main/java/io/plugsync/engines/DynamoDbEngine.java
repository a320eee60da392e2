package io.plugsync.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A DynamoDB-compatible server: dynalite (Apache-2.0, on Node.js) in a child process. DynamoDB
 * Local is not used because its licence is not an open-source one. The child exits by itself when
 * this JVM dies (it watches its stdin pipe).
 */
public final class DynamoDbEngine implements AutoCloseable {
    private static final String NODE_DIR_PROPERTY = "plugsync.dynalite.dir";
    private final Process process;
    private final int port;

    private DynamoDbEngine(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts dynalite; with a data directory its tables survive restarts. */
    public static DynamoDbEngine start(Path dataDirectory, int port, Path logFile) {
        Path nodeDir = locateNodeDir();
        ensureInstalled(nodeDir);
        List<String> command = new ArrayList<>(
                List.of("node", nodeDir.resolve("dynalite-server.js").toString(), Integer.toString(port)));
        if (dataDirectory != null) {
            try {
                Files.createDirectories(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            command.add(dataDirectory.toString());
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.redirectOutput(
                    logFile == null
                            ? ProcessBuilder.Redirect.DISCARD
                            : ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            Process process = builder.start();
            DynamoDbEngine engine = new DynamoDbEngine(process, port);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Ports.listening(port)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("dynalite exited with " + process.exitValue()
                            + (logFile == null ? "" : "; see " + logFile));
                }
                if (System.nanoTime() > deadline) {
                    engine.close();
                    throw new IllegalStateException("dynalite did not listen on " + port + " within 30 s");
                }
                Thread.sleep(50);
            }
            return engine;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start node (dynalite)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** embedded-engines/node, found from a system property or by walking up from the working directory. */
    static Path locateNodeDir() {
        String configured = System.getProperty(NODE_DIR_PROPERTY, System.getenv("PLUGSYNC_DYNALITE_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("embedded-engines/node/dynalite-server.js");
            if (Files.isRegularFile(candidate)) {
                return candidate.getParent();
            }
        }
        throw new IllegalStateException("embedded-engines/node not found above "
                + Path.of("").toAbsolutePath() + "; set -D" + NODE_DIR_PROPERTY);
    }

    private static void ensureInstalled(Path nodeDir) {
        if (Files.isRegularFile(nodeDir.resolve("node_modules/dynalite/package.json"))) {
            return;
        }
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(nodeDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + nodeDir + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("npm is needed to install dynalite", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the server abruptly (for outage tests); {@link #start} a new one on the same port to recover. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
