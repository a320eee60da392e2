package io.plugsync.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public Ingress, read the way ingress-nginx routes it ({@link NginxRoutes}): each public path
 * reaches the service that serves it, and nothing else is routed.
 */
class IngressRoutingTest {
    private static final String ORG = "5f0c6b1e-8d2a-4c3b-9e7f-2a1d3c4b5e6f";
    private static final String ID = "0b7e9a52-3c1d-4f6e-8a9b-7c6d5e4f3a2b";
    private static final String PLACEHOLDER_HOST = "plugsync.example.com";

    /** Every resource path of connector-ingest (grep -rn '@Path' connector-ingest/src/main/java). */
    private static final List<String> CONNECTOR_INGEST = List.of(
            "/api/webhooks/connectors/github",
            "/api/github/setup",
            "/api/github/setup?installation_id=1&setup_action=install&state=s&code=c",
            "/v1/orgs/" + ORG + "/github/install-links",
            "/v1/orgs/" + ORG + "/github/installations");

    /** A sample of config-api's API, config library, MCP server and dashboard. */
    private static final List<String> CONFIG_API = List.of(
            "/api/connectors",
            "/api/connectors/x/draft",
            "/api/connectors/" + ID + "/publish",
            "/api/connectors/" + ID + "/versions/3/status",
            "/v1/orgs/" + ORG + "/config-objects",
            "/v1/orgs/" + ORG + "/plugins/" + ID + "/releases",
            "/v1/orgs/" + ORG + "/connector-instances/" + ID + "/targets",
            "/v1/orgs/" + ORG + "/connector-targets/" + ID,
            "/v1/orgs/" + ORG + "/connector-mappings/" + ID + "/preview",
            "/v1/orgs/" + ORG + "/connector-sync-events",
            "/v1/orgs/" + ORG + "/connector-sync-events/held",
            "/v1/orgs/" + ORG + "/connector-sync-events/" + ID + "/retry",
            "/v1/orgs/" + ORG + "/connector-sync-events/" + ID + "/confirm-deletions",
            "/v1/orgs/" + ORG + "/connector-sync-events/" + ID + "/discard",
            "/v1/orgs/" + ORG + "/settings",
            "/v1/me/plugins",
            "/v1/me/plugins/" + ID,
            "/mcp",
            "/",
            "/?connector=" + ID,
            "/connectors",
            "/connectors/" + ID,
            "/library",
            "/library/objects/" + ID + "/history",
            "/plugins/" + ID + "/releases",
            "/access/teams/" + ID,
            "/sources",
            "/sources/syncs/" + ID,
            "/index.html",
            "/favicon.svg",
            "/assets/index-4f2a9c.js");

    /** Health, metrics, OpenAPI, the dispatcher's admin API and paths nobody serves publicly. */
    private static final List<String> NOT_ROUTED = List.of(
            "/q/health/ready",
            "/q/metrics",
            "/Q/METRICS",
            "/q/openapi",
            "/admin/outbox/dead",
            "/admin/outbox/stats",
            "/connectorsX",
            "/library.json",
            "/index.html.bak",
            "/.env");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void githubAndLinkingPathsRouteToConnectorIngest(String kustomization) {
        NginxRoutes routes = routes(kustomization);
        for (String path : CONNECTOR_INGEST) {
            assertThat(target(routes, path)).as(path).isEqualTo("connector-ingest:http");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void apiLibraryMcpAndDashboardRouteToConfigApi(String kustomization) {
        NginxRoutes routes = routes(kustomization);
        for (String path : CONFIG_API) {
            assertThat(target(routes, path)).as(path).isEqualTo("config-api:http");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void healthMetricsAndAdminPathsAreNotRouted(String kustomization) {
        NginxRoutes routes = routes(kustomization);
        for (String path : NOT_ROUTED) {
            assertThat(routes.route(path)).as(path).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void nothingRoutesToTheDispatcher(String kustomization) {
        List<String> services = NginxRoutes.ingresses(DeployTree.resources(kustomization)).stream()
                .flatMap(ingress -> ManifestPolicy.ingressBackends(ingress).stream())
                .map(backend -> Yaml.string(Yaml.map(backend, "service"), "name"))
                .toList();
        assertThat(services).isNotEmpty().containsOnly("config-api", "connector-ingest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void webhookIngressAcceptsGithubsLargestPayloads(String kustomization) {
        Resource ingress = routes(kustomization)
                .route("/api/webhooks/connectors/github")
                .orElseThrow()
                .ingress();
        // GitHub caps webhook payloads at 25 MB; the controller's default limit is 1m
        assertThat(bodyLimit(ingress)).isGreaterThanOrEqualTo(25L << 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void configApiAnswersOversizedBodiesItselfBehindTheIngress(String kustomization) throws IOException {
        Resource ingress = routes(kustomization)
                .route("/api/connectors/x/draft")
                .orElseThrow()
                .ingress();
        // above the service's own limit, so a too-large body gets config-api's 413 problem document
        assertThat(bodyLimit(ingress)).isGreaterThan(configApiBodyLimit(kustomization));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void pathsPassTheControllersValidation(String kustomization) {
        // ingress-nginx strict-validate-path-type: Exact and Prefix paths hold only these characters
        Pattern plain = Pattern.compile("/[A-Za-z0-9_/-]*");
        List<Resource> ingresses = NginxRoutes.ingresses(DeployTree.resources(kustomization));
        assertThat(ingresses).isNotEmpty().allSatisfy(ingress -> {
            assertThat(Yaml.string(ingress.spec(), "ingressClassName")).isEqualTo("nginx");
            // every path of the host is a regular expression already; say so where the paths are
            assertThat(NginxRoutes.annotation(ingress, NginxRoutes.USE_REGEX)).isEqualTo("true");
        });
        for (NginxRoutes.Route route : routes(kustomization).all()) {
            assertThat(route.pathType()).as(route.path()).isIn("Exact", "Prefix", "ImplementationSpecific");
            if (!route.pathType().equals("ImplementationSpecific")) {
                assertThat(route.path()).as("%s path", route.pathType()).matches(plain);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyIngressServesTheOneHostOverTls(String kustomization) {
        String host = host(kustomization);
        for (Resource ingress : NginxRoutes.ingresses(DeployTree.resources(kustomization))) {
            assertThat(Yaml.maps(ingress.spec(), "tls"))
                    .as("TLS of %s", ingress.id())
                    .anySatisfy(tls -> {
                        assertThat(Yaml.strings(tls, "hosts")).containsExactly(host);
                        assertThat(Yaml.string(tls, "secretName")).isNotBlank();
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void overlaysReplaceThePlaceholderHost(String kustomization) {
        assertThat(host("base")).isEqualTo(PLACEHOLDER_HOST);
        assertThat(host(kustomization)).isNotEqualTo(PLACEHOLDER_HOST);
    }

    /** The single host every Ingress rule of {@code kustomization} names. */
    private static String host(String kustomization) {
        Set<String> hosts = NginxRoutes.ingresses(DeployTree.resources(kustomization)).stream()
                .flatMap(ingress -> Yaml.maps(ingress.spec(), "rules").stream())
                .map(rule -> Yaml.string(rule, "host"))
                .collect(Collectors.toSet());
        assertThat(hosts).as("hosts of %s", kustomization).hasSize(1);
        return hosts.iterator().next();
    }

    private static NginxRoutes routes(String kustomization) {
        return NginxRoutes.forHost(DeployTree.resources(kustomization), host(kustomization));
    }

    private static String target(NginxRoutes routes, String path) {
        return routes.route(path.replaceFirst("\\?.*", "")) // nginx matches locations without the query
                .map(NginxRoutes.Route::target)
                .orElse("404 from the controller");
    }

    private static long bodyLimit(Resource ingress) {
        String size = NginxRoutes.annotation(ingress, "nginx.ingress.kubernetes.io/proxy-body-size");
        assertThat(size).as("proxy-body-size of %s", ingress.id()).isNotNull();
        return NginxRoutes.bytes(size);
    }

    /** quarkus.http.limits.max-body-size as config-api runs in the cluster: environment, else its properties. */
    private static long configApiBodyLimit(String kustomization) throws IOException {
        Map<String, String> env = ManifestPolicy.effectiveEnv(
                DeployTree.rendered(kustomization),
                DeployTree.get(kustomization, "Deployment", "config-api"),
                "config-api");
        if (env.containsKey("QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE")) {
            return NginxRoutes.bytes(env.get("QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE"));
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                DeployTree.ROOT.getParent().resolve("config-api/src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        String limit = properties.getProperty(
                "%prod.quarkus.http.limits.max-body-size", properties.getProperty("quarkus.http.limits.max-body-size"));
        assertThat(limit).as("config-api's quarkus.http.limits.max-body-size").isNotNull();
        return NginxRoutes.bytes(limit);
    }
}
