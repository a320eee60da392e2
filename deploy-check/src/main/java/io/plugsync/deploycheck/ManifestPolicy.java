package io.plugsync.deploycheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a cluster admission policy (Pod Security "restricted" plus the usual house rules) would
 * check on rendered manifests: pinned images, resources, non-root read-only containers without
 * capabilities, health probes, and that every referenced Secret, ConfigMap, ServiceAccount, scale
 * target and Ingress backend exists or is declared.
 */
public final class ManifestPolicy {
    private static final Set<String> LONG_RUNNING = Set.of("Deployment", "StatefulSet", "DaemonSet");
    private static final Map<String, String> PROBE_PATHS = Map.of(
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready",
            "startupProbe", "/q/health/started");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::\\d{12}:role/[\\w+=,.@/-]+");

    private final List<Resource> resources;
    private final SecretsContract secrets;
    private final List<Violation> violations = new ArrayList<>();

    private ManifestPolicy(List<Resource> resources, SecretsContract secrets) {
        this.resources = resources;
        this.secrets = secrets;
    }

    /** Every violation in {@code documents}; empty when the manifests pass. */
    public static List<Violation> check(List<Map<String, Object>> documents, SecretsContract secrets) {
        ManifestPolicy policy =
                new ManifestPolicy(documents.stream().map(Resource::new).toList(), secrets);
        policy.run();
        return List.copyOf(policy.violations);
    }

    private void run() {
        for (Resource resource : resources) {
            if ("Secret".equals(resource.kind())) {
                fail(resource, "no-secret-values", "Secrets are created out of band; never commit one");
            }
            if (resource.podSpec() != null) {
                checkPod(resource);
            }
            switch (resource.kind()) {
                case "Service" -> checkService(resource);
                case "HorizontalPodAutoscaler" -> checkHpa(resource);
                case "PodDisruptionBudget" -> checkPdb(resource);
                case "ServiceAccount" -> checkServiceAccount(resource);
                case "Ingress" -> checkIngress(resource);
                default -> {}
            }
        }
    }

    private void checkPod(Resource workload) {
        Map<String, Object> pod = workload.podSpec();
        Map<String, Object> podSecurity = Yaml.map(pod, "securityContext");
        String account = Yaml.string(pod, "serviceAccountName");
        if (account != null && find("ServiceAccount", account) == null) {
            fail(workload, "service-account", "ServiceAccount " + account + " is not in the manifests");
        }
        for (Map<String, Object> container : workload.containers()) {
            String name = Yaml.string(container, "name");
            checkImage(workload, name, Yaml.string(container, "image"));
            checkResources(workload, name, Yaml.map(container, "resources"));
            checkSecurity(workload, name, podSecurity, Yaml.map(container, "securityContext"));
            checkEnvReferences(workload, name, container);
        }
        if (LONG_RUNNING.contains(workload.kind())) {
            for (Map<String, Object> container : Yaml.maps(pod, "containers")) {
                checkProbes(workload, container);
            }
        }
        for (Map<String, Object> volume : Yaml.maps(pod, "volumes")) {
            checkVolume(workload, volume);
        }
    }

    private void checkImage(Resource workload, String container, String image) {
        if (image == null || image.isBlank()) {
            fail(workload, "image-tag", container + ": no image");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        if (colon < 0) {
            fail(workload, "image-tag", container + ": image " + image + " has no tag");
        } else if (last.substring(colon + 1).equals("latest")) {
            fail(workload, "image-tag", container + ": image " + image + " uses :latest");
        }
    }

    private void checkResources(Resource workload, String container, Map<String, Object> resources) {
        for (String bound : List.of("requests", "limits")) {
            Map<String, Object> values = Yaml.map(resources, bound);
            for (String resource : List.of("cpu", "memory")) {
                if (Yaml.string(values, resource) == null) {
                    fail(workload, "resources", container + ": no " + bound + "." + resource);
                }
            }
        }
    }

    private void checkSecurity(Resource workload, String container, Map<String, Object> pod, Map<String, Object> own) {
        boolean nonRoot = own != null && own.containsKey("runAsNonRoot")
                ? Yaml.isTrue(own, "runAsNonRoot")
                : Yaml.isTrue(pod, "runAsNonRoot");
        if (!nonRoot) {
            fail(workload, "non-root", container + ": runAsNonRoot is not true");
        }
        String uid = own != null && own.containsKey("runAsUser")
                ? Yaml.string(own, "runAsUser")
                : Yaml.string(pod, "runAsUser");
        if ("0".equals(uid)) {
            fail(workload, "non-root", container + ": runAsUser is 0");
        }
        if (!Yaml.isTrue(own, "readOnlyRootFilesystem")) {
            fail(workload, "read-only-root", container + ": readOnlyRootFilesystem is not true");
        }
        if (own == null || !Boolean.FALSE.equals(own.get("allowPrivilegeEscalation"))) {
            fail(workload, "no-privilege-escalation", container + ": allowPrivilegeEscalation is not false");
        }
        if (Yaml.isTrue(own, "privileged")) {
            fail(workload, "no-privilege-escalation", container + ": privileged");
        }
        if (!Yaml.strings(Yaml.map(own, "capabilities"), "drop").contains("ALL")) {
            fail(workload, "drop-all-capabilities", container + ": capabilities.drop lacks ALL");
        }
    }

    private void checkProbes(Resource workload, Map<String, Object> container) {
        String name = Yaml.string(container, "name");
        List<String> ports = new ArrayList<>();
        for (Map<String, Object> port : Yaml.maps(container, "ports")) {
            ports.add(Yaml.string(port, "name"));
            ports.add(Yaml.string(port, "containerPort"));
        }
        PROBE_PATHS.forEach((probe, path) -> {
            Map<String, Object> spec = Yaml.map(container, probe);
            if (spec == null) {
                fail(workload, "probes", name + ": no " + probe);
                return;
            }
            Map<String, Object> http = Yaml.map(spec, "httpGet");
            if (http == null) {
                fail(workload, "probes", name + ": " + probe + " is not an HTTP check of " + path);
                return;
            }
            if (!path.equals(Yaml.string(http, "path"))) {
                fail(
                        workload,
                        "probes",
                        name + ": " + probe + " checks " + Yaml.string(http, "path") + ", not " + path);
            }
            if (!ports.contains(Yaml.string(http, "port"))) {
                fail(
                        workload,
                        "probes",
                        name + ": " + probe + " port " + Yaml.string(http, "port") + " is not a container port");
            }
        });
    }

    private void checkEnvReferences(Resource workload, String container, Map<String, Object> spec) {
        for (Map<String, Object> env : Yaml.maps(spec, "env")) {
            Map<String, Object> from = Yaml.map(env, "valueFrom");
            Map<String, Object> secret = Yaml.map(from, "secretKeyRef");
            if (secret != null) {
                requireSecret(workload, container, Yaml.string(secret, "name"), Yaml.string(secret, "key"));
            }
            Map<String, Object> config = Yaml.map(from, "configMapKeyRef");
            if (config != null && !Yaml.isTrue(config, "optional")) {
                requireConfigMap(workload, container, Yaml.string(config, "name"), Yaml.string(config, "key"));
            }
        }
        for (Map<String, Object> source : Yaml.maps(spec, "envFrom")) {
            Map<String, Object> secret = Yaml.map(source, "secretRef");
            if (secret != null) {
                requireSecret(workload, container, Yaml.string(secret, "name"), null);
            }
            Map<String, Object> config = Yaml.map(source, "configMapRef");
            if (config != null && !Yaml.isTrue(config, "optional")) {
                requireConfigMap(workload, container, Yaml.string(config, "name"), null);
            }
        }
    }

    private void checkVolume(Resource workload, Map<String, Object> volume) {
        String name = "volume " + Yaml.string(volume, "name");
        Map<String, Object> secret = Yaml.map(volume, "secret");
        if (secret != null) {
            String secretName = Yaml.string(secret, "secretName");
            requireSecret(workload, name, secretName, null);
            for (Map<String, Object> item : Yaml.maps(secret, "items")) {
                requireSecret(workload, name, secretName, Yaml.string(item, "key"));
            }
        }
        Map<String, Object> config = Yaml.map(volume, "configMap");
        if (config != null && !Yaml.isTrue(config, "optional")) {
            String configName = Yaml.string(config, "name");
            requireConfigMap(workload, name, configName, null);
            for (Map<String, Object> item : Yaml.maps(config, "items")) {
                requireConfigMap(workload, name, configName, Yaml.string(item, "key"));
            }
        }
    }

    private void requireSecret(Resource workload, String where, String secret, String key) {
        if (!secrets.declares(secret)) {
            fail(workload, "secret-ref", where + ": Secret " + secret + " is not in deploy/secrets/contract.yaml");
        } else if (key != null && !secrets.declares(secret, key)) {
            fail(workload, "secret-ref", where + ": key " + key + " of Secret " + secret + " is not in the contract");
        }
    }

    private void requireConfigMap(Resource workload, String where, String configMap, String key) {
        Resource found = find("ConfigMap", configMap);
        if (found == null) {
            fail(workload, "configmap-ref", where + ": ConfigMap " + configMap + " is not in the manifests");
        } else if (key != null) {
            Map<String, Object> data = Yaml.map(found.body(), "data");
            if (data == null || !data.containsKey(key)) {
                fail(workload, "configmap-ref", where + ": ConfigMap " + configMap + " has no key " + key);
            }
        }
    }

    private void checkService(Resource service) {
        Map<String, Object> selector = Yaml.map(service.spec(), "selector");
        List<Resource> backends = resources.stream()
                .filter(r -> r.podTemplate() != null)
                .filter(r -> Selectors.mapMatches(
                        selector,
                        Yaml.map(r.podTemplate(), "metadata") == null
                                ? null
                                : Yaml.map(Yaml.map(r.podTemplate(), "metadata"), "labels")))
                .toList();
        if (backends.isEmpty()) {
            fail(service, "service-selector", "selector " + selector + " matches no pod template");
            return;
        }
        for (Map<String, Object> port : Yaml.maps(service.spec(), "ports")) {
            String target = Yaml.string(port, "targetPort");
            if (target != null && !target.matches("\\d+")) {
                boolean declared = backends.stream()
                        .flatMap(b -> Yaml.maps(b.podSpec(), "containers").stream())
                        .flatMap(c -> Yaml.maps(c, "ports").stream())
                        .anyMatch(p -> target.equals(Yaml.string(p, "name")));
                if (!declared) {
                    fail(service, "service-selector", "targetPort " + target + " is not a named container port");
                }
            }
        }
    }

    private void checkHpa(Resource hpa) {
        Map<String, Object> target = Yaml.map(hpa.spec(), "scaleTargetRef");
        Resource scaled = find(Yaml.string(target, "kind"), Yaml.string(target, "name"));
        if (scaled == null) {
            fail(hpa, "hpa-target", "scale target " + target + " is not in the manifests");
        } else if (scaled.spec() != null && scaled.spec().containsKey("replicas")) {
            fail(scaled, "hpa-target", "sets spec.replicas although " + hpa.id() + " owns the count");
        }
    }

    private void checkPdb(Resource pdb) {
        Map<String, Object> selector = Yaml.map(pdb.spec(), "selector");
        boolean covers = resources.stream()
                .filter(r -> LONG_RUNNING.contains(r.kind()))
                .anyMatch(r -> Selectors.labelSelectorMatches(selector, podLabels(r)));
        if (!covers) {
            fail(pdb, "pdb", "selector matches no workload");
        }
    }

    private void checkServiceAccount(Resource account) {
        Map<String, Object> annotations = Yaml.map(account.metadata(), "annotations");
        String role = Yaml.string(annotations, "eks.amazonaws.com/role-arn");
        if (role != null && !ROLE_ARN.matcher(role).matches()) {
            fail(account, "service-account", "eks.amazonaws.com/role-arn " + role + " is not an IAM role ARN");
        }
    }

    private void checkIngress(Resource ingress) {
        for (Map<String, Object> backend : ingressBackends(ingress)) {
            checkIngressBackend(ingress, backend);
        }
        for (Map<String, Object> tls : Yaml.maps(ingress.spec(), "tls")) {
            String secret = Yaml.string(tls, "secretName");
            if (secret != null && secrets.declares(secret)) {
                // the controller reads a kubernetes.io/tls Secret: certificate and key under these names
                requireSecret(ingress, "tls", secret, "tls.crt");
                requireSecret(ingress, "tls", secret, "tls.key");
            } else if (secret != null) {
                requireSecret(ingress, "tls", secret, null);
            }
        }
    }

    private void checkIngressBackend(Resource ingress, Map<String, Object> backend) {
        Map<String, Object> service = Yaml.map(backend, "service");
        if (service == null) {
            fail(ingress, "ingress-backend", "a backend names no Service: " + backend);
            return;
        }
        String name = Yaml.string(service, "name");
        Map<String, Object> port = Yaml.map(service, "port");
        String portName = Yaml.string(port, "name");
        String portNumber = Yaml.string(port, "number");
        Resource target = find("Service", name);
        if (target == null) {
            fail(ingress, "ingress-backend", "backend Service " + name + " is not in the manifests");
            return;
        }
        boolean declared = Yaml.maps(target.spec(), "ports").stream()
                .anyMatch(p -> portName != null
                        ? portName.equals(Yaml.string(p, "name"))
                        : portNumber != null && portNumber.equals(Yaml.string(p, "port")));
        if (!declared) {
            fail(
                    ingress,
                    "ingress-backend",
                    "backend Service " + name + " has no port " + (portName != null ? portName : portNumber));
        }
    }

    /** The environment a container sees: envFrom ConfigMaps in order, then env (Secrets unresolved). */
    public static Map<String, String> effectiveEnv(
            List<Map<String, Object>> documents, Resource workload, String container) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, Object> spec = workload.containers().stream()
                .filter(c -> Objects.equals(container, Yaml.string(c, "name")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(workload.id() + " has no container " + container));
        for (Map<String, Object> source : Yaml.maps(spec, "envFrom")) {
            String configMap = Yaml.string(Yaml.map(source, "configMapRef"), "name");
            documents.stream()
                    .map(Resource::new)
                    .filter(r -> "ConfigMap".equals(r.kind()) && r.name().equals(configMap))
                    .findFirst()
                    .map(r -> Yaml.map(r.body(), "data"))
                    .ifPresent(data -> data.forEach((k, v) -> env.put(k, String.valueOf(v))));
        }
        for (Map<String, Object> variable : Yaml.maps(spec, "env")) {
            String value = Yaml.string(variable, "value");
            env.put(
                    Yaml.string(variable, "name"),
                    value == null ? "<from " + Yaml.map(variable, "valueFrom") + ">" : value);
        }
        return env;
    }

    /** The default backend of an Ingress, if any, and the backend of every path of its rules. */
    static List<Map<String, Object>> ingressBackends(Resource ingress) {
        List<Map<String, Object>> backends = new ArrayList<>();
        Map<String, Object> fallback = Yaml.map(ingress.spec(), "defaultBackend");
        if (fallback != null) {
            backends.add(fallback);
        }
        for (Map<String, Object> rule : Yaml.maps(ingress.spec(), "rules")) {
            for (Map<String, Object> path : Yaml.maps(Yaml.map(rule, "http"), "paths")) {
                backends.add(Yaml.map(path, "backend"));
            }
        }
        return backends;
    }

    static Map<String, Object> podLabels(Resource workload) {
        Map<String, Object> template = workload.podTemplate();
        return template == null ? null : Yaml.map(Yaml.map(template, "metadata"), "labels");
    }

    private Resource find(String kind, String name) {
        return resources.stream()
                .filter(r -> Objects.equals(kind, r.kind()) && Objects.equals(name, r.name()))
                .findFirst()
                .orElse(null);
    }

    private void fail(Resource resource, String rule, String message) {
        violations.add(new Violation(resource.id(), rule, message));
    }
}
