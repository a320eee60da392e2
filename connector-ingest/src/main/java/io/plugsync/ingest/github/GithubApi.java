package io.plugsync.ingest.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.ingest.metrics.IngestMetrics;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.jboss.logging.Logger;

/**
 * The GitHub REST calls a sync and target setup need, made as the App's installation: branch head,
 * blobs, compare, tarballs, the installation's repositories and one repository. Non-blocking (JDK HTTP client, async); retries 429/5xx/rate limits per {@link RetryPolicy}.
 */
@ApplicationScoped
public class GithubApi {
    private static final Logger LOG = Logger.getLogger(GithubApi.class);
    /** Redirects a tarball download follows at most. */
    private static final int MAX_HOPS = 4;
    /** Renew installation tokens this long before GitHub expires them. */
    static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);

    private final GithubConfig config;
    private final ObjectMapper json;
    private final IngestMetrics metrics;
    private final HttpClient http;
    private final HttpClient noRedirects;
    private final RetryPolicy retry;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, CompletableFuture<InstallationToken>> tokens = new ConcurrentHashMap<>();
    private volatile AppJwt appJwt;

    public GithubApi(GithubConfig config, ObjectMapper json, IngestMetrics metrics) {
        this.config = config;
        this.json = json;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.noRedirects = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.retry = new RetryPolicy(
                config.retry().maxAttempts(),
                config.retry().baseDelay(),
                config.retry().maxDelay(),
                RandomGenerator.getDefault());
    }

    public Uni<BranchHead> branchHead(String installation, String owner, String repo, String branch) {
        return get(installation, "branch", repoPath(owner, repo) + "/branches/" + encodePath(branch))
                .map(body -> new BranchHead(
                        body.at("/commit/sha").asText(),
                        body.at("/commit/commit/tree/sha").asText()));
    }

    /**
     * Page {@code page} (from 1) of the repositories the installation can access, {@code perPage}
     * (at most 100) a page.
     */
    public Uni<RepositoryPage> installationRepositories(String installation, int page, int perPage) {
        return get(
                        installation,
                        "installation_repositories",
                        "/installation/repositories?per_page=" + perPage + "&page=" + page)
                .map(body -> {
                    List<GithubRepository> out = new ArrayList<>();
                    body.path("repositories").forEach(r -> out.add(repository(r)));
                    return new RepositoryPage(body.path("total_count").asInt(), out);
                });
    }

    /** The repository, or a {@link GithubApiException} with status 404 when the installation cannot see it. */
    public Uni<GithubRepository> repository(String installation, String owner, String repo) {
        return get(installation, "repository", repoPath(owner, repo)).map(GithubApi::repository);
    }

    private static GithubRepository repository(JsonNode r) {
        return new GithubRepository(
                r.path("id").asLong(),
                r.path("full_name").asText(),
                r.path("default_branch").asText(null),
                r.path("private").asBoolean(false),
                r.path("archived").asBoolean(false));
    }

    public Uni<byte[]> blob(String installation, String owner, String repo, String sha) {
        return get(installation, "blob", repoPath(owner, repo) + "/git/blobs/" + sha)
                .map(body -> {
                    if (!"base64".equals(body.path("encoding").asText("base64"))) {
                        return body.path("content").asText().getBytes(StandardCharsets.UTF_8);
                    }
                    return Base64.getMimeDecoder().decode(body.path("content").asText());
                });
    }

    public Uni<Comparison> compare(String installation, String owner, String repo, String base, String head) {
        return get(installation, "compare", repoPath(owner, repo) + "/compare/" + base + "..." + head)
                .map(body -> {
                    List<Comparison.ChangedFile> files = new ArrayList<>();
                    body.path("files")
                            .forEach(f -> files.add(new Comparison.ChangedFile(
                                    f.path("filename").asText(),
                                    f.path("status").asText(),
                                    f.path("sha").asText(null),
                                    f.path("previous_filename").asText(null))));
                    return new Comparison(
                            body.path("status").asText(),
                            body.path("ahead_by").asInt(),
                            body.path("behind_by").asInt(),
                            files);
                });
    }

    /**
     * The repository at {@code ref} as one tarball ({@code GET /tarball/{ref}}), untarred and hashed as
     * it streams ({@link TarballReader}); {@code keep} selects the files whose bytes are kept. GitHub
     * answers with a redirect to its download host: the installation token goes along only to the
     * API's own origin, never to another host.
     */
    public Uni<RepositoryArchive> archive(
            String installation, String owner, String repo, String ref, Predicate<String> keep) {
        URI start = URI.create(stripSlash(config.apiUrl()) + repoPath(owner, repo) + "/tarball/" + encodePath(ref));
        return installationToken(installation)
                .flatMap(token -> download(start, token, 1))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(download -> {
                    try (InputStream body = download.response().body()) {
                        return TarballReader.read(body, keep, download.requests());
                    } catch (IOException e) {
                        throw new GithubApiException(
                                "tarball " + start.getPath() + " could not be read: " + e, 0, retry.backoff(1));
                    }
                });
    }

    private record Download(HttpResponse<InputStream> response, int requests) {}

    private Uni<Download> download(URI uri, String token, int hop) {
        boolean ours = sameOrigin(uri, URI.create(config.apiUrl()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("User-Agent", "plugsync-connector-ingest");
        if (ours) {
            request.header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2022-11-28")
                    .header("Authorization", "Bearer " + token);
        }
        return send(hop == 1 ? "tarball" : "tarball_download", request, 1, STREAM)
                .flatMap(response -> {
                    int status = response.statusCode();
                    if (status < 300 || status >= 400) {
                        return Uni.createFrom().item(new Download(response, hop));
                    }
                    close(response.body());
                    String location = response.headers().firstValue("Location").orElse(null);
                    if (location == null || hop >= MAX_HOPS) {
                        return Uni.createFrom()
                                .failure(new GithubApiException(
                                        "tarball " + uri.getPath() + " -> " + status + " without a usable Location",
                                        status,
                                        null));
                    }
                    return download(uri.resolve(location), token, hop + 1);
                });
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // a redirect's empty body
        }
    }

    /** An installation access token, cached until {@link #TOKEN_MARGIN} before it expires. */
    public Uni<String> installationToken(String installation) {
        CompletableFuture<InstallationToken> current = tokens.compute(installation, (id, cached) -> {
            if (cached != null && (!cached.isDone() || usable(cached))) {
                return cached;
            }
            return fetchToken(id).subscribeAsCompletionStage();
        });
        return Uni.createFrom().completionStage(current).map(InstallationToken::token);
    }

    private boolean usable(CompletableFuture<InstallationToken> done) {
        if (done.isCompletedExceptionally()) {
            return false;
        }
        return done.join().expiresAt().minus(TOKEN_MARGIN).isAfter(clock.instant());
    }

    private Uni<InstallationToken> fetchToken(String installation) {
        String jwt = appJwt().mint(clock.instant());
        HttpRequest.Builder request = request("/app/installations/" + installation + "/access_tokens", jwt)
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        return send("installation_token", request, 1).map(response -> {
            JsonNode body = parse(response);
            return new InstallationToken(
                    body.path("token").asText(),
                    Instant.parse(body.path("expires_at").asText()));
        });
    }

    private AppJwt appJwt() {
        if (appJwt == null) {
            String appId = config.appId()
                    .orElseThrow(() -> new GithubApiException("plugsync.github.app-id is not configured", 0, null));
            String key = config.privateKey()
                    .orElseThrow(
                            () -> new GithubApiException("plugsync.github.private-key is not configured", 0, null));
            appJwt = new AppJwt(appId, key);
        }
        return appJwt;
    }

    private Uni<JsonNode> get(String installation, String operation, String path) {
        return installationToken(installation)
                .flatMap(token -> send(operation, request(path, token).GET(), 1))
                .map(this::parse);
    }

    private HttpRequest.Builder request(String path, String bearer) {
        return HttpRequest.newBuilder(URI.create(stripSlash(config.apiUrl()) + path))
                .timeout(config.requestTimeout())
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "plugsync-connector-ingest")
                .header("Authorization", "Bearer " + bearer);
    }

    private Uni<HttpResponse<byte[]>> send(String operation, HttpRequest.Builder request, int attempt) {
        return send(operation, request, attempt, BYTES);
    }

    /**
     * Sends with retries: 2xx (and, for the redirect-free tarball exchange, 3xx) come back; retryable
     * answers wait per {@link RetryPolicy} ({@code Retry-After}, rate-limit reset, backoff).
     */
    private <T> Uni<HttpResponse<T>> send(
            String operation, HttpRequest.Builder request, int attempt, Exchange<T> exchange) {
        HttpRequest built = request.build();
        return Uni.createFrom()
                .completionStage(() -> exchange.client(this).sendAsync(built, exchange.handler()))
                .onFailure(IOException.class)
                .recoverWithUni(error -> {
                    metrics.githubCall(operation, 0);
                    if (attempt >= retry.maxAttempts()) {
                        return Uni.createFrom()
                                .failure(new GithubApiException(
                                        operation + " failed: " + error, 0, retry.backoff(attempt)));
                    }
                    return later(retry.backoff(attempt), () -> send(operation, request, attempt + 1, exchange));
                })
                .flatMap(response -> {
                    int status = response.statusCode();
                    metrics.githubCall(operation, status);
                    if (status >= 200 && status < (exchange.redirects() ? 300 : 400)) {
                        return Uni.createFrom().item(response);
                    }
                    String body = exchange.text(response.body());
                    if (!RetryPolicy.retryable(status, response.headers(), body)) {
                        return Uni.createFrom()
                                .failure(new GithubApiException(
                                        operation + " " + built.uri().getPath() + " -> " + status, status, null));
                    }
                    Duration wait = retry.delay(attempt, response.headers(), clock.instant());
                    if (attempt >= retry.maxAttempts()
                            || wait.compareTo(config.retry().maxInlineWait()) > 0) {
                        return Uni.createFrom()
                                .failure(new GithubApiException(
                                        operation + " " + built.uri().getPath() + " -> " + status + ", retry in "
                                                + wait,
                                        status,
                                        wait));
                    }
                    LOG.debugf("GitHub %s answered %d, retrying in %s", operation, status, wait);
                    metrics.rateLimitWait(wait);
                    return later(wait, () -> send(operation, request, attempt + 1, exchange));
                });
    }

    /**
     * How one kind of call is sent and its body read: JSON bodies whole, tarballs as a stream.
     * {@code redirects}: the client follows them; otherwise a 3xx comes back to the caller.
     */
    private record Exchange<T>(boolean redirects, HttpResponse.BodyHandler<T> handler, Function<T, byte[]> bytes) {
        HttpClient client(GithubApi api) {
            return redirects ? api.http : api.noRedirects;
        }

        String text(T body) {
            return new String(bytes.apply(body), StandardCharsets.UTF_8);
        }
    }

    private static final Exchange<byte[]> BYTES =
            new Exchange<>(true, HttpResponse.BodyHandlers.ofByteArray(), Function.identity());

    /**
     * Tarballs: redirects are followed by {@link #download} (the JDK client would resend the
     * Authorization header to the redirect's host); a 2xx body streams, any other is read whole.
     */
    private static final Exchange<InputStream> STREAM = new Exchange<>(
            false,
            info -> info.statusCode() / 100 == 2
                    ? HttpResponse.BodySubscribers.ofInputStream()
                    : HttpResponse.BodySubscribers.mapping(
                            HttpResponse.BodySubscribers.ofByteArray(), ByteArrayInputStream::new),
            GithubApi::readAll);

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static <T> Uni<T> later(Duration wait, java.util.function.Supplier<Uni<T>> next) {
        if (wait.isZero() || wait.isNegative()) {
            // "Retry-After: 0": go again now (Mutiny rejects a zero delay)
            return Uni.createFrom().deferred(next::get);
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait).flatMap(ignored -> next.get());
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new GithubApiException(
                    "GitHub answered invalid JSON for " + response.uri(), response.statusCode(), null);
        }
    }

    private static String repoPath(String owner, String repo) {
        return "/repos/" + encode(owner) + "/" + encode(repo);
    }

    private static String encodePath(String branch) {
        StringBuilder out = new StringBuilder();
        for (String segment : branch.split("/", -1)) {
            out.append(out.isEmpty() ? "" : "/").append(encode(segment));
        }
        return out.toString();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Drops cached installation tokens (tests; after a 401). */
    public void forgetTokens() {
        tokens.clear();
    }

    record InstallationToken(String token, Instant expiresAt) {}
}
