package io.plugsync.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What differs in production: native images, redundancy, narrow database egress. */
class ProdOverlayTest {
    private static final String PROD = "overlays/prod";

    @Test
    void servicesRunNativeImagesAndDevRunsJvmImages() {
        for (String service : List.of("config-api", "outbox-dispatcher", "connector-ingest")) {
            assertThat(RenderedManifestsTest.image(DeployTree.get(PROD, "Deployment", service)))
                    .matches("ghcr\\.io/plugsync/" + service + ":\\d+\\.\\d+\\.\\d+");
            assertThat(RenderedManifestsTest.image(DeployTree.get("overlays/dev", "Deployment", service)))
                    .endsWith("-jvm");
        }
    }

    @Test
    void everyServiceKeepsAtLeastTwoReplicas() {
        assertThat(DeployTree.get(PROD, "Deployment", "outbox-dispatcher")
                        .spec()
                        .get("replicas"))
                .isInstanceOfSatisfying(Integer.class, n -> assertThat(n).isGreaterThanOrEqualTo(2));
        for (String service : List.of("config-api", "connector-ingest")) {
            assertThat(DeployTree.get(PROD, "HorizontalPodAutoscaler", service)
                            .spec()
                            .get("minReplicas"))
                    .isInstanceOfSatisfying(Integer.class, n -> assertThat(n).isGreaterThanOrEqualTo(2));
        }
    }

    @Test
    void podsGetTimeToDrainBeforeTheyAreKilled() {
        // quarkus.shutdown.delay (5 s) + quarkus.shutdown.timeout (20 s) must fit in the grace period
        for (String service : List.of("config-api", "outbox-dispatcher", "connector-ingest")) {
            assertThat(DeployTree.get(PROD, "Deployment", service).podSpec().get("terminationGracePeriodSeconds"))
                    .isInstanceOfSatisfying(Integer.class, s -> assertThat(s).isGreaterThan(25));
        }
    }

    @Test
    void postgresEgressIsNarrowedToTheDatabaseSubnet() {
        Resource policy = DeployTree.get(PROD, "NetworkPolicy", "plugsync-egress-dns-postgres");
        List<String> cidrs = Yaml.maps(policy.spec(), "egress").stream()
                .flatMap(rule -> Yaml.maps(rule, "to").stream())
                .map(to -> Yaml.string(Yaml.map(to, "ipBlock"), "cidr"))
                .filter(c -> c != null)
                .toList();
        assertThat(cidrs).containsExactly("10.20.32.0/20");
    }
}
