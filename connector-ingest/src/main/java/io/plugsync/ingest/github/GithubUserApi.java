package io.plugsync.ingest.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.ingest.metrics.IngestMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * GitHub calls made for the user who installs the App: the OAuth code exchange (a user access
 * token) and the installations that user can access. Not retried: a code can be exchanged once,
 * and the installer is waiting in the browser. The user token is used for one check and dropped.
 */
@ApplicationScoped
public class GithubUserApi {
    static final int PAGE_SIZE = 100;
    /** Installations looked through at most (users with more are rare; GitHub lists 100 a page). */
    static final int MAX_PAGES = 10;

    private final GithubConfig config;
    private final ObjectMapper json;
    private final IngestMetrics metrics;
    private final HttpClient http;

    public GithubUserApi(GithubConfig config, ObjectMapper json, IngestMetrics metrics) {
        this.config = config;
        this.json = json;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The user access token for {@code code}; fails with {@link OAuthCodeRejectedException} if GitHub refuses it. */
    public Uni<String> exchangeCode(String code) {
        String form = "client_id=" + encode(config.clientId().orElseThrow())
                + "&client_secret=" + encode(config.clientSecret().orElseThrow())
                + "&code=" + encode(code);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(stripSlash(config.webUrl()) + "/login/oauth/access_token"))
                .timeout(config.requestTimeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "plugsync-connector-ingest")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return send("oauth_token", request).map(body -> {
            // GitHub answers a refused code with 200 and an "error" member
            String token = body.path("access_token").asText("");
            if (body.hasNonNull("error") || token.isEmpty()) {
                throw new OAuthCodeRejectedException(
                        body.path("error").asText("no_access_token"),
                        body.path("error_description").asText(null));
            }
            return token;
        });
    }

    /** The installation {@code installationId} if the token's user can access it. */
    public Uni<Optional<UserInstallation>> findInstallation(String userToken, String installationId) {
        return page(userToken, installationId, 1);
    }

    private Uni<Optional<UserInstallation>> page(String userToken, String installationId, int page) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        stripSlash(config.apiUrl()) + "/user/installations?per_page=" + PAGE_SIZE + "&page=" + page))
                .timeout(config.requestTimeout())
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "plugsync-connector-ingest")
                .header("Authorization", "Bearer " + userToken)
                .GET()
                .build();
        return send("user_installations", request).flatMap(body -> {
            JsonNode installations = body.path("installations");
            for (JsonNode installation : installations) {
                if (installation.path("id").asText().equals(installationId)) {
                    return Uni.createFrom()
                            .item(Optional.of(new UserInstallation(
                                    installationId,
                                    installation.at("/account/login").asText(null),
                                    installation.at("/account/type").asText(null),
                                    installation.path("repository_selection").asText(null))));
                }
            }
            if (installations.size() < PAGE_SIZE || page >= MAX_PAGES) {
                return Uni.createFrom().item(Optional.<UserInstallation>empty());
            }
            return page(userToken, installationId, page + 1);
        });
    }

    private Uni<JsonNode> send(String operation, HttpRequest request) {
        return Uni.createFrom()
                .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
                .onFailure(IOException.class)
                .transform(error -> {
                    metrics.githubCall(operation, 0);
                    return new GithubApiException(operation + " failed: " + error, 0, null);
                })
                .map(response -> {
                    int status = response.statusCode();
                    metrics.githubCall(operation, status);
                    if (status < 200 || status >= 300) {
                        throw new GithubApiException(operation + " -> " + status, status, null);
                    }
                    try {
                        return json.readTree(response.body());
                    } catch (IOException e) {
                        throw new GithubApiException(operation + ": GitHub answered invalid JSON", status, null);
                    }
                });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
