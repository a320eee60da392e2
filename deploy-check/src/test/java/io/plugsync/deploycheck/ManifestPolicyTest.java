package io.plugsync.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The policy itself: a compliant set passes, and each broken rule is reported. */
class ManifestPolicyTest {

    @Test
    void compliantManifestsPass() throws Exception {
        assertThat(ManifestPolicy.check(fixture("compliant.yaml"), contract())).isEmpty();
    }

    @Test
    void committedSecretIsReported() throws Exception {
        assertThat(violations())
                .anyMatch(
                        v -> v.rule().equals("no-secret-values") && v.resource().equals("Secret/committed"));
    }

    @Test
    void latestAndUntaggedImagesAreReported() throws Exception {
        assertThat(messages("image-tag"))
                .anyMatch(m -> m.contains("uses :latest"))
                .anyMatch(m -> m.contains("registry.example.com/team/sidecar has no tag"));
    }

    @Test
    void missingRequestsAndLimitsAreReported() throws Exception {
        assertThat(messages("resources"))
                .contains(
                        "latest: no requests.cpu",
                        "latest: no requests.memory",
                        "latest: no limits.cpu",
                        "latest: no limits.memory");
    }

    @Test
    void rootWritableAndCapableContainersAreReported() throws Exception {
        assertThat(messages("non-root")).contains("latest: runAsNonRoot is not true", "untagged: runAsUser is 0");
        assertThat(messages("read-only-root")).contains("latest: readOnlyRootFilesystem is not true");
        assertThat(messages("no-privilege-escalation")).contains("latest: allowPrivilegeEscalation is not false");
        assertThat(messages("drop-all-capabilities"))
                .contains("latest: capabilities.drop lacks ALL", "untagged: capabilities.drop lacks ALL");
    }

    @Test
    void missingOrWrongProbesAreReported() throws Exception {
        assertThat(messages("probes"))
                .contains(
                        "latest: no startupProbe",
                        "latest: livenessProbe checks /healthz, not /q/health/live",
                        "latest: readinessProbe is not an HTTP check of /q/health/ready",
                        "untagged: livenessProbe port admin is not a container port");
    }

    @Test
    void undeclaredSecretsAndKeysAreReported() throws Exception {
        assertThat(messages("secret-ref"))
                .contains(
                        "latest: key token of Secret db is not in the contract",
                        "latest: Secret undeclared is not in deploy/secrets/contract.yaml",
                        "volume key: key private.pem of Secret db is not in the contract");
    }

    @Test
    void missingConfigMapIsReported() throws Exception {
        assertThat(messages("configmap-ref")).contains("latest: ConfigMap missing-config is not in the manifests");
    }

    @Test
    void danglingReferencesBetweenObjectsAreReported() throws Exception {
        assertThat(messages("service-account"))
                .contains("ServiceAccount missing-account is not in the manifests")
                .anyMatch(m -> m.contains("arn:aws:iam::ACCOUNT:role/x is not an IAM role ARN"));
        assertThat(messages("service-selector"))
                .anyMatch(m -> m.startsWith("selector {app=nobody} matches no pod template"))
                .contains("targetPort http is not a named container port");
        assertThat(messages("hpa-target"))
                .contains("sets spec.replicas although HorizontalPodAutoscaler/careless owns the count")
                .anyMatch(m -> m.contains("name=ghost") && m.endsWith("is not in the manifests"));
        assertThat(messages("pdb")).contains("selector matches no workload");
    }

    @Test
    void ingressBackendsWithoutServiceOrPortAreReported() throws Exception {
        assertThat(messages("ingress-backend"))
                .contains(
                        "backend Service ghost is not in the manifests",
                        "backend Service wrong-port has no port admin",
                        "backend Service wrong-port has no port 8080")
                .anyMatch(m -> m.startsWith("a backend names no Service"));
    }

    @Test
    void ingressTlsSecretsMustBeDeclaredWithCertificateAndKey() throws Exception {
        assertThat(messages("secret-ref"))
                .contains(
                        "tls: Secret undeclared-tls is not in deploy/secrets/contract.yaml",
                        "tls: key tls.key of Secret half-tls is not in the contract")
                .doesNotContain("tls: key tls.crt of Secret half-tls is not in the contract");
    }

    private static List<Violation> violations() throws Exception {
        return ManifestPolicy.check(fixture("violations.yaml"), contract());
    }

    private static List<String> messages(String rule) throws Exception {
        return violations().stream()
                .filter(v -> v.rule().equals(rule))
                .map(Violation::message)
                .toList();
    }

    private static SecretsContract contract() throws URISyntaxException {
        return SecretsContract.load(path("contract.yaml"));
    }

    private static List<Map<String, Object>> fixture(String name) throws IOException, URISyntaxException {
        return Yaml.documents(Files.readString(path(name)));
    }

    private static Path path(String name) throws URISyntaxException {
        return Path.of(ManifestPolicyTest.class.getResource("/fixtures/" + name).toURI());
    }
}
