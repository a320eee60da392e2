package io.plugsync.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/base and each overlay, rendered by kustomize, pass the policy and hold what PlugSync needs. */
class RenderedManifestsTest {
    private static final List<String> SERVICES = List.of("config-api", "outbox-dispatcher", "connector-ingest");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void passesTheAdmissionPolicy(String kustomization) {
        List<Violation> violations = ManifestPolicy.check(DeployTree.rendered(kustomization), DeployTree.secrets());

        assertThat(violations).as("policy violations in %s", kustomization).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyServiceHasDeploymentServiceAndDisruptionBudget(String kustomization) {
        for (String service : SERVICES) {
            Resource deployment = DeployTree.get(kustomization, "Deployment", service);
            DeployTree.get(kustomization, "Service", service);
            assertThat(DeployTree.resources(kustomization))
                    .as("a PodDisruptionBudget covering %s", service)
                    .anyMatch(r -> r.kind().equals("PodDisruptionBudget")
                            && Selectors.labelSelectorMatches(
                                    Yaml.map(r.spec(), "selector"), ManifestPolicy.podLabels(deployment)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void configApiAndIngestAreAutoscaled(String kustomization) {
        for (String service : List.of("config-api", "connector-ingest")) {
            Resource hpa = DeployTree.get(kustomization, "HorizontalPodAutoscaler", service);
            assertThat(Yaml.string(Yaml.map(hpa.spec(), "scaleTargetRef"), "name"))
                    .isEqualTo(service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void migrationJobRunsFlywayWithTheServiceImageAndExits(String kustomization) {
        List<Map<String, Object>> docs = DeployTree.rendered(kustomization);
        Resource job = DeployTree.get(kustomization, "Job", "plugsync-migrate");
        Map<String, String> env = ManifestPolicy.effectiveEnv(docs, job, "migrate");

        assertThat(env)
                .containsEntry("QUARKUS_INIT_AND_EXIT", "true")
                .containsEntry("PLUGSYNC_MIGRATE_AT_START", "true");
        assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).startsWith("jdbc:postgresql://");
        assertThat(image(job)).isEqualTo(image(DeployTree.get(kustomization, "Deployment", "config-api")));
        assertThat(Yaml.string(job.podSpec(), "restartPolicy")).isEqualTo("Never");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void servicesDoNotMigrateAtStart(String kustomization) {
        List<Map<String, Object>> docs = DeployTree.rendered(kustomization);
        for (String service : SERVICES) {
            Map<String, String> env =
                    ManifestPolicy.effectiveEnv(docs, DeployTree.get(kustomization, "Deployment", service), service);
            assertThat(env).as(service).containsEntry("PLUGSYNC_MIGRATE_AT_START", "false");
            assertThat(env).as(service).doesNotContainKey("QUARKUS_INIT_AND_EXIT");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void defaultDenyNetworkPolicySelectsEveryPod(String kustomization) {
        List<Resource> denyAll = DeployTree.resources(kustomization).stream()
                .filter(r -> r.kind().equals("NetworkPolicy"))
                .filter(r -> Yaml.strings(r.spec(), "policyTypes").containsAll(List.of("Ingress", "Egress")))
                .filter(r -> !r.spec().containsKey("ingress") && !r.spec().containsKey("egress"))
                .toList();
        assertThat(denyAll).as("a deny-all NetworkPolicy").isNotEmpty();
        DeployTree.resources(kustomization).stream()
                .filter(r -> r.podTemplate() != null)
                .forEach(workload -> assertThat(denyAll)
                        .as("%s is selected by a deny-all policy", workload.id())
                        .anyMatch(p -> Selectors.labelSelectorMatches(
                                Yaml.map(p.spec(), "podSelector"), ManifestPolicy.podLabels(workload))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void dispatcherAcceptsOnlyMetricsScrapesAndIsNotPublic(String kustomization) {
        Map<String, Object> dispatcherPods =
                ManifestPolicy.podLabels(DeployTree.get(kustomization, "Deployment", "outbox-dispatcher"));
        List<Map<String, Object>> sources = DeployTree.resources(kustomization).stream()
                .filter(r -> r.kind().equals("NetworkPolicy"))
                .filter(r -> Selectors.labelSelectorMatches(Yaml.map(r.spec(), "podSelector"), dispatcherPods))
                .flatMap(r -> Yaml.maps(r.spec(), "ingress").stream())
                .flatMap(rule -> Yaml.maps(rule, "from").stream())
                .toList();
        assertThat(sources)
                .isNotEmpty()
                .allSatisfy(from -> assertThat(from)
                        .containsOnlyKeys("namespaceSelector")
                        .extracting(f -> Yaml.string(
                                Yaml.map(Yaml.map(f, "namespaceSelector"), "matchLabels"),
                                "kubernetes.io/metadata.name"))
                        .isEqualTo("monitoring"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void dispatcherServiceAccountCarriesAnIamRole(String kustomization) {
        Resource deployment = DeployTree.get(kustomization, "Deployment", "outbox-dispatcher");
        Resource account = DeployTree.get(
                kustomization, "ServiceAccount", Yaml.string(deployment.podSpec(), "serviceAccountName"));
        assertThat(Yaml.string(Yaml.map(account.metadata(), "annotations"), "eks.amazonaws.com/role-arn"))
                .startsWith("arn:aws:iam::");
    }

    static String image(Resource workload) {
        return Yaml.string(workload.containers().get(0), "image");
    }
}
