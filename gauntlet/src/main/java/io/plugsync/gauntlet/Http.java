package io.plugsync.gauntlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator's HTTP client: a tiny round-robin over a service's replicas. A connection
 * refused (the replica is down, nothing was sent) goes to the next replica, as a load balancer
 * would; anything else is what the client sees. Every request is recorded in {@link Stats}.
 */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One service's replicas (base URLs; a restarted replica keeps its port). */
    static final class Service {
        final String name;
        final List<String> urls;
        private final AtomicInteger next = new AtomicInteger();

        Service(String name, List<String> urls) {
            this.name = name;
            this.urls = List.copyOf(urls);
        }

        int pick() {
            return Math.floorMod(next.getAndIncrement(), urls.size());
        }
    }

    record Response(int status, String body, String error) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }
    }

    private final HttpClient client;
    private final Stats stats;
    private final Duration timeout;

    Http(Stats stats, Duration timeout) {
        this.stats = stats;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** A request with a JSON (or raw) body; {@code expected} are the statuses the caller plans for. */
    Response send(
            String endpoint,
            Service service,
            String method,
            String path,
            byte[] body,
            Map<String, String> headers,
            Set<Integer> expected) {
        int first = service.pick();
        Response response = null;
        for (int i = 0; i < service.urls.size(); i++) {
            String base = service.urls.get((first + i) % service.urls.size());
            response = once(base, method, path, body, headers);
            if (response.status() != REFUSED) {
                break;
            }
            stats.rerouted(endpoint);
        }
        Response seen = response.status() == REFUSED ? new Response(-1, null, response.error()) : response;
        stats.record(
                endpoint,
                seen.status(),
                expected.contains(seen.status()),
                seen.error() != null ? seen.error() : seen.status() >= 400 ? abbreviate(seen.body()) : null);
        return seen;
    }

    Response json(
            String endpoint,
            Service service,
            String method,
            String path,
            String token,
            String writer,
            Object body,
            Set<Integer> expected) {
        byte[] bytes;
        try {
            bytes = body == null ? null : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> headers = writer == null
                ? Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json")
                : Map.of(
                        "Authorization",
                        "Bearer " + token,
                        "Content-Type",
                        "application/json",
                        "X-PlugSync-Writer",
                        writer);
        return send(endpoint, service, method, path, bytes, headers, expected);
    }

    private static final int REFUSED = -100;

    private Response once(String base, String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), null);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Response(REFUSED, null, "connect: " + e.getMessage());
        } catch (HttpTimeoutException e) {
            return new Response(-1, null, "timeout after " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Response(-1, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, null, "interrupted");
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return null;
        }
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
