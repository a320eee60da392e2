package io.plugsync.deploycheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which backend ingress-nginx picks for a request path on one host where {@code use-regex} is on.
 * The controller then writes EVERY path of the host, from every Ingress, as a case-insensitive
 * regular expression anchored at the start only ({@code location ~* "^<path>"}, whatever the
 * pathType), ordered by path length (longest first, equal lengths in reverse lexicographic order);
 * nginx takes the first match, and an unmatched path goes to the controller's default backend (404).
 * See https://kubernetes.github.io/ingress-nginx/user-guide/ingress-path-matching/ and
 * {@code getBackendServers} / {@code buildLocation} in the controller.
 */
final class NginxRoutes {
    static final String USE_REGEX = "nginx.ingress.kubernetes.io/use-regex";

    /** One path of one Ingress rule and the Service port it sends to. */
    record Route(Resource ingress, String path, String pathType, String service, String port, Pattern location) {
        String target() {
            return service + ":" + port;
        }
    }

    private final List<Route> routes;

    private NginxRoutes(List<Route> routes) {
        this.routes = routes;
    }

    /** The routes of {@code host} in the rendered {@code resources} (Ingresses of class {@code nginx}). */
    static NginxRoutes forHost(List<Resource> resources, String host) {
        List<Route> routes = new ArrayList<>();
        boolean regex = false;
        for (Resource ingress : ingresses(resources)) {
            if (!"nginx".equals(Yaml.string(ingress.spec(), "ingressClassName"))) {
                continue;
            }
            for (Map<String, Object> rule : Yaml.maps(ingress.spec(), "rules")) {
                if (!host.equals(Yaml.string(rule, "host"))) {
                    continue;
                }
                regex |= "true".equals(annotation(ingress, USE_REGEX));
                for (Map<String, Object> path : Yaml.maps(Yaml.map(rule, "http"), "paths")) {
                    Map<String, Object> service = Yaml.map(Yaml.map(path, "backend"), "service");
                    Map<String, Object> port = Yaml.map(service, "port");
                    String value = Yaml.string(path, "path");
                    routes.add(new Route(
                            ingress,
                            value,
                            Yaml.string(path, "pathType"),
                            Yaml.string(service, "name"),
                            Yaml.string(port, port != null && port.containsKey("name") ? "name" : "number"),
                            Pattern.compile("^" + value, Pattern.CASE_INSENSITIVE)));
                }
            }
        }
        if (!regex) {
            throw new IllegalStateException("no Ingress of " + host + " sets " + USE_REGEX
                    + ": this model covers only hosts where every path is a regular expression");
        }
        Set<String> seen = new HashSet<>();
        for (Route route : routes) {
            if (!seen.add(route.path())) {
                // the controller keeps one of the two and drops the other
                throw new IllegalStateException("path " + route.path() + " of " + host + " is defined twice");
            }
        }
        routes.sort(Comparator.comparingInt((Route r) -> r.path().length())
                .reversed()
                .thenComparing(Route::path, Comparator.reverseOrder()));
        return new NginxRoutes(List.copyOf(routes));
    }

    /** The route a request for {@code path} takes; empty when the controller answers 404 itself. */
    Optional<Route> route(String path) {
        return routes.stream().filter(r -> r.location().matcher(path).find()).findFirst();
    }

    List<Route> all() {
        return routes;
    }

    static List<Resource> ingresses(List<Resource> resources) {
        return resources.stream().filter(r -> r.kind().equals("Ingress")).toList();
    }

    static String annotation(Resource resource, String name) {
        return Yaml.string(Yaml.map(resource.metadata(), "annotations"), name);
    }

    /** An nginx size ({@code 25m}) or a Quarkus MemorySize ({@code 2M}) in bytes; units are powers of 1024. */
    static long bytes(String size) {
        var matcher = Pattern.compile("(\\d+)([kKmMgG]?)").matcher(size.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a size: " + size);
        }
        long value = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase()) {
            case "k" -> value << 10;
            case "m" -> value << 20;
            case "g" -> value << 30;
            default -> value;
        };
    }
}
