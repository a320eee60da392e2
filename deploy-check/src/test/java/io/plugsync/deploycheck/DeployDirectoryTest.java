package io.plugsync.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every YAML file under deploy/, rendered or not: no Secret objects, every Secret documented. */
class DeployDirectoryTest {

    @Test
    void noFileUnderDeployDefinesASecret() throws IOException {
        for (Path file : yamlFiles()) {
            List<Resource> resources = Yaml.documents(Files.readString(file)).stream()
                    .map(Resource::new)
                    .toList();
            assertThat(resources).as(file.toString()).noneMatch(r -> "Secret".equals(r.kind()));
        }
    }

    @Test
    void everySecretInTheContractIsUsedAndDescribed() {
        SecretsContract contract = DeployTree.secrets();
        String prod = Kustomize.onPath().render(DeployTree.ROOT.resolve("overlays/prod"));
        assertThat(contract.keysBySecret()).isNotEmpty();
        contract.keysBySecret().forEach((secret, keys) -> {
            assertThat(prod)
                    .as("Secret %s is referenced by the prod overlay", secret)
                    .contains(secret);
            assertThat(keys).as("keys of %s", secret).isNotEmpty();
        });
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DeployTree.ROOT)) {
            return files.filter(p -> p.toString().matches(".*\\.ya?ml$")).toList();
        }
    }
}
