package io.plugsync.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./plugsync local}: the whole system on embedded engines. Starts PostgreSQL, DynamoDB
 * (dynalite) and ElasticMQ, the three services from their packaged jars, waits until each is ready,
 * provisions a demo organisation, owner and connector, prints URLs and a dev token and writes them
 * to {@code .plugsync/local.env}. Ctrl-C / SIGTERM stops everything it started.
 */
public final class LocalStack {
    static final UUID DEMO_ORG_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final String DEMO_SUBJECT = "demo-owner@plugsync.local";
    static final String DEMO_CONNECTOR = "demo-hubspot";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Path home;
    private final boolean fresh;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedEngines engines;
    private final long started = System.nanoTime();

    private LocalStack(Path root, boolean fresh) {
        this.root = root;
        this.home = root.resolve(".plugsync");
        this.fresh = fresh;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        boolean fresh = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fresh" -> fresh = true;
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath();
                case "-h", "--help" -> {
                    System.out.println("usage: plugsync local [--fresh]\n"
                            + "  Starts PostgreSQL, DynamoDB (dynalite), ElasticMQ and the three services.\n"
                            + "  Data lives in .plugsync/ and survives restarts; --fresh starts from scratch.");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        LocalStack stack = new LocalStack(root, fresh);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.stop();
                            stopped.countDown();
                        },
                        "local-stack-shutdown"));
        try {
            stack.run();
        } catch (RuntimeException e) {
            System.err.println("plugsync local failed: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void run() throws Exception {
        if (fresh) {
            step("removing " + home + " (--fresh)");
            deleteRecursively(home);
        }
        Files.createDirectories(home.resolve("logs"));
        Files.deleteIfExists(home.resolve("local.env"));
        DevKeys keys = DevKeys.loadOrCreate(home.resolve("keys"));
        Properties secrets = loadOrCreateSecrets();

        engines = EmbeddedEngines.start(home, new EmbeddedEngines.PreferredPorts(55432, 18000, 19324));
        step("engines up");

        // every service gets every endpoint: the dispatcher writes DynamoDB and SQS, config-api reads
        // the DynamoDB library replica (/v1/me/plugins); a service without an AWS client ignores them
        Map<String, String> common = new LinkedHashMap<>(engines.quarkusConfig());
        common.put(
                "mp.jwt.verify.publickey.location",
                home.resolve("keys/jwt-public.pem").toString());
        common.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        for (String aws : List.of("dynamodb", "sqs")) {
            common.put("quarkus." + aws + ".aws.region", "us-east-1");
            common.put("quarkus." + aws + ".aws.credentials.type", "static");
            common.put("quarkus." + aws + ".aws.credentials.static-provider.access-key-id", "local");
            common.put("quarkus." + aws + ".aws.credentials.static-provider.secret-access-key", "local");
        }
        common.put("quarkus.flyway.migrate-at-start", "true");
        common.put("quarkus.log.console.json.enabled", "false");
        common.put("plugsync.github.webhook-secret", secrets.getProperty("webhook-secret"));
        // the GitHub API connector-ingest calls: github.com, a GitHub Enterprise server or a fake
        String githubApiUrl = System.getenv().getOrDefault("GITHUB_API_URL", "https://api.github.com");
        common.put("plugsync.github.api-url", githubApiUrl);
        common.put("plugsync.encryption.active-key-id", "local-1");
        common.put("plugsync.encryption.keys.\"local-1\"", secrets.getProperty("encryption-key"));
        common.put("quarkus.otel.sdk.disabled", "true");
        // the dispatcher creates the replica table and the notification queue locally (off in prod)
        common.put("plugsync.dispatcher.create-resources", "true");

        int apiPort = Ports.preferred(8080);
        int ingestPort = Ports.preferred(apiPort == 8080 ? 8081 : 0);
        int dispatcherPort = Ports.preferred(apiPort == 8080 ? 8082 : 0);
        long t0 = System.nanoTime();
        step("starting config-api, connector-ingest, outbox-dispatcher (logs in " + home.resolve("logs") + ")");
        ServiceProcess api = startService("config-api", apiPort, common);
        ServiceProcess ingest = startService("connector-ingest", ingestPort, common);
        ServiceProcess dispatcher = startService("outbox-dispatcher", dispatcherPort, common);
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofMinutes(3));
            step(service.name() + " ready at " + service.url() + " (" + (System.nanoTime() - t0) / 1_000_000 + " ms)");
        }

        UUID connectorId = seed(keys, api.url());
        String token = DevTokens.mint(
                keys.privateKey(), DEMO_SUBJECT, Map.of(DEMO_ORG_ID.toString(), "owner"), Duration.ofDays(30));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CONFIG_API_URL", api.url());
        env.put("PLUGSYNC_URL", api.url());
        env.put("INGEST_URL", ingest.url());
        env.put("DISPATCHER_URL", dispatcher.url());
        env.put("DASHBOARD_URL", api.url() + "/#token=" + token);
        env.put("PLUGSYNC_ORG_ID", DEMO_ORG_ID.toString());
        env.put("PLUGSYNC_CONNECTOR_ID", connectorId == null ? "" : connectorId.toString());
        env.put(
                "PG_URL",
                "postgresql://" + PostgresEngine.USER + ":" + PostgresEngine.PASSWORD + "@127.0.0.1:"
                        + engines.postgres().port() + "/" + PostgresEngine.DATABASE);
        env.put("DYNAMODB_ENDPOINT", engines.dynamo().endpoint());
        env.put("SQS_ENDPOINT", engines.sqs().endpoint());
        env.put("GITHUB_WEBHOOK_SECRET", secrets.getProperty("webhook-secret"));
        env.put("GITHUB_API_URL", githubApiUrl);
        env.put("AWS_REGION", "us-east-1");
        env.put("PLUGSYNC_TOKEN", token);
        env.put(
                "PLUGSYNC_OPERATOR_TOKEN",
                DevTokens.mintOperator(keys.privateKey(), "demo-operator@plugsync.local", Duration.ofDays(30)));
        if (connectorId != null) {
            // a worker credential for the demo connector: reports to its fleet (rollouts), nothing else
            env.put(
                    "PLUGSYNC_WORKER_TOKEN",
                    DevTokens.mintWorker(
                            keys.privateKey(),
                            "demo-worker@plugsync.local",
                            DEMO_ORG_ID.toString(),
                            java.util.List.of(connectorId.toString()),
                            Duration.ofDays(30)));
        }
        StringBuilder file = new StringBuilder("# written by ./plugsync local; valid while it runs\n");
        env.forEach((k, v) -> file.append(k).append('=').append(v).append('\n'));
        Path envFile = home.resolve("local.env");
        Files.writeString(home.resolve("local.env.tmp"), file);
        Files.move(home.resolve("local.env.tmp"), envFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        System.out.printf(
                "%nPlugSync is running (%d s). Press Ctrl-C to stop.%n%n"
                        + "  config-api + dashboard  %s%n  connector-ingest        %s%n  outbox-dispatcher       %s%n"
                        + "  dashboard sign-in link  %s%n  PostgreSQL              %s%n  DynamoDB                %s%n"
                        + "  SQS                     %s%n  demo organisation       %s%n  demo connector          %s%n%n"
                        + "  dev token (30 days, owner of the demo organisation):%n  %s%n%n"
                        + "  operator token (dispatcher /admin/outbox/...): $PLUGSYNC_OPERATOR_TOKEN in the file below%n"
                        + "  everything above is in %s (source it: set -a; . %s; set +a)%n",
                (System.nanoTime() - started) / 1_000_000_000,
                api.url(),
                ingest.url(),
                dispatcher.url(),
                env.get("DASHBOARD_URL"),
                env.get("PG_URL"),
                env.get("DYNAMODB_ENDPOINT"),
                env.get("SQS_ENDPOINT"),
                DEMO_ORG_ID,
                env.get("PLUGSYNC_CONNECTOR_ID"),
                token,
                envFile,
                root.relativize(envFile));
    }

    private ServiceProcess startService(String name, int port, Map<String, String> config) {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        ServiceProcess service = ServiceProcess.start(name, jar, port, config, home.resolve("logs"));
        services.add(service);
        return service;
    }

    /** Demo organisation + owner (operator provisioning, SQL) and demo connector (through the API). */
    private UUID seed(DevKeys keys, String apiUrl) throws Exception {
        PostgresEngine pg = engines.postgres();
        try (Connection db = DriverManager.getConnection(pg.jdbcUrl(), PostgresEngine.USER, PostgresEngine.PASSWORD)) {
            OrgFixtures.ensureOrganisation(db, DEMO_ORG_ID, "demo", "Demo organisation");
            OrgFixtures.ensureMember(db, DEMO_ORG_ID, DEMO_SUBJECT, "owner");
        }
        String token = DevTokens.mint(
                keys.privateKey(), DEMO_SUBJECT, Map.of(DEMO_ORG_ID.toString(), "owner"), Duration.ofMinutes(5));
        HttpClient http = HttpClient.newHttpClient();
        JsonNode list = call(http, token, "GET", apiUrl + "/api/connectors?limit=200", null);
        for (JsonNode item : list.path("items")) {
            if (DEMO_CONNECTOR.equals(item.path("name").asText())) {
                step("demo connector exists: " + item.path("id").asText());
                return UUID.fromString(item.path("id").asText());
            }
        }
        JsonNode created = call(
                http,
                token,
                "POST",
                apiUrl + "/api/connectors",
                "{\"name\":\"" + DEMO_CONNECTOR + "\",\"display_name\":\"Demo HubSpot\",\"kind\":\"hubspot\"}");
        UUID id = UUID.fromString(created.path("id").asText());
        String document = new String(
                LocalStack.class.getResourceAsStream("/demo-connector.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        try {
            call(
                    http,
                    token,
                    "PUT",
                    apiUrl + "/api/connectors/" + id + "/config?publish=true&base_version=0",
                    document);
            step("demo connector " + id + " created and v1 published");
        } catch (IllegalStateException e) {
            step("demo connector " + id + " created; demo document not applied: " + e.getMessage());
        }
        return id;
    }

    private static JsonNode call(HttpClient http, String token, String method, String url, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("X-PlugSync-Writer", "script")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    method + " " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private Properties loadOrCreateSecrets() throws IOException {
        Path file = home.resolve("keys/secrets.properties");
        Properties secrets = new Properties();
        if (Files.isRegularFile(file)) {
            try (var in = Files.newInputStream(file)) {
                secrets.load(in);
            }
        }
        if (!secrets.containsKey("webhook-secret")) {
            secrets.setProperty("webhook-secret", random(24));
            secrets.setProperty("encryption-key", random(32));
            Files.createDirectories(file.getParent());
            try (var out = Files.newOutputStream(file)) {
                secrets.store(out, "local stack secrets, generated; never commit");
            }
        }
        return secrets;
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return Base64.getEncoder().encodeToString(buffer);
    }

    private void step(String message) {
        System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
    }

    private synchronized void stop() {
        if (!services.isEmpty() || engines != null) {
            System.out.println("stopping the local stack ...");
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        if (engines != null) {
            engines.close();
            engines = null;
        }
        try {
            Files.deleteIfExists(home.resolve("local.env"));
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
