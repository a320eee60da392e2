package io.plugsync.deploycheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize} (kubectl ships kustomize since 1.14). */
public final class Kustomize {
    private final String kubectl;

    public Kustomize(String kubectl) {
        this.kubectl = kubectl;
    }

    /** Uses {@code kubectl} from the PATH; fails with what to install when it is missing. */
    public static Kustomize onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return new Kustomize(candidate.toString());
            }
        }
        throw new IllegalStateException("kubectl not found on PATH: the manifest checks render deploy/ with "
                + "`kubectl kustomize`; install kubectl >= 1.27 (https://kubernetes.io/docs/tasks/tools/)");
    }

    /** The rendered multi-document YAML of the kustomization in {@code directory}. */
    public String render(Path directory) {
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(List.of(kubectl, "kustomize", directory.toString()))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + directory + " did not finish");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + directory + " failed: "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl kustomize " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
