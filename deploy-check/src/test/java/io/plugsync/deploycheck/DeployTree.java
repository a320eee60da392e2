package io.plugsync.deploycheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The repository's deploy/ directory, rendered once per kustomization for all tests of a run. */
final class DeployTree {
    static final Path ROOT = Path.of(System.getProperty("plugsync.deploy.dir", "../deploy"))
            .toAbsolutePath()
            .normalize();
    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private DeployTree() {}

    /** {@code kubectl kustomize deploy/<kustomization>}, parsed. */
    static List<Map<String, Object>> rendered(String kustomization) {
        return RENDERED.computeIfAbsent(
                kustomization, k -> Yaml.documents(Kustomize.onPath().render(ROOT.resolve(k))));
    }

    static List<Resource> resources(String kustomization) {
        return rendered(kustomization).stream().map(Resource::new).toList();
    }

    static Resource get(String kustomization, String kind, String name) {
        return resources(kustomization).stream()
                .filter(r -> kind.equals(r.kind()) && name.equals(r.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(kind + "/" + name + " is not rendered by " + kustomization));
    }

    static SecretsContract secrets() {
        return SecretsContract.load(ROOT.resolve("secrets/contract.yaml"));
    }
}
