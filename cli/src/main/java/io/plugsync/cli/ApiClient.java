package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The CLI's only way to the system: config-api over HTTP, as the {@code script} writer. Retries
 * connection failures and 502/503/504 with jittered backoff (requests that change state are retried
 * only when they carry an {@code Idempotency-Key} or are idempotent by nature).
 */
public final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 4;

    private final Settings settings;
    private final HttpClient http;

    public ApiClient(Settings settings) {
        this.settings = settings;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A response with a 2xx status; anything else is thrown as {@link ApiException}. */
    public record Reply(int status, JsonNode body, Map<String, String> headers) {}

    public Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Reply send(String method, String path, JsonNode body, Map<String, String> extraHeaders) {
        if (settings.token() == null) {
            throw new CliException(
                    ExitCodes.AUTH, "no token: pass --token, set PLUGSYNC_TOKEN or run ./plugsync local");
        }
        boolean retryable =
                !method.equals("POST") && !method.equals("PATCH") || extraHeaders.containsKey("Idempotency-Key");
        IOException lastIo = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url() + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + settings.token())
                    .header("Accept", "application/json")
                    .header("X-PlugSync-Writer", "script");
            extraHeaders.forEach(request::header);
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (retryable && attempt < ATTEMPTS && (status == 502 || status == 503 || status == 504)) {
                    pause(attempt);
                    continue;
                }
                JsonNode parsed = parse(response.body());
                if (status / 100 != 2) {
                    throw new ApiException(status, parsed);
                }
                Map<String, String> headers = new LinkedHashMap<>();
                response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
                return new Reply(status, parsed, headers);
            } catch (ConnectException e) {
                lastIo = e;
                pause(attempt);
            } catch (IOException e) {
                lastIo = e;
                if (!retryable) {
                    break;
                }
                pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.SERVER, "interrupted");
            }
        }
        throw new CliException(
                ExitCodes.SERVER, "cannot reach config-api at " + settings.url() + ": " + lastIo + " (after retries)");
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private static void pause(int attempt) {
        long base = 250L << Math.min(attempt, 5);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A non-2xx answer; carries the problem document. */
    public static final class ApiException extends RuntimeException {
        private final int status;
        private final transient JsonNode problem;

        ApiException(int status, JsonNode problem) {
            super("HTTP " + status, null, false, false);
            this.status = status;
            this.problem = problem;
        }

        public int status() {
            return status;
        }

        public JsonNode problem() {
            return problem;
        }

        /** The problem's reason: the last segment of its {@code type}. */
        public String reason() {
            String type = problem.path("type").asText("");
            return type.substring(type.lastIndexOf('/') + 1);
        }
    }
}
