package io.plugsync.api.bench;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Not a test (the name keeps it out of Surefire's default includes): run by {@code
 * bench/history-bench.sh}. Sequential request latencies (p50/p99) of the versions list and get at
 * 10 and at 10,000 versions of a connector, and of the config object list/search at 100,000
 * objects of an organisation next to the primary-key get of one object through the same API.
 * Prints lines starting with {@code BENCH}.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class HistoryBenchmark {
    private static final int REQUESTS = Integer.getInteger("bench.requests", 400);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 200);

    @TestHTTPResource("/")
    URL root;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void historiesAndSearchStayFlat() throws Exception {
        TestOrg org = TestOrg.create();
        String small = V3Api.publishedConnector(org);
        String large = V3Api.publishedConnector(org);
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            QueryPlans.seedVersions(db, UUID.fromString(small), 9);
            QueryPlans.seedVersions(db, UUID.fromString(large), 9_999);
        }
        String token = org.viewerToken();
        versions("list first page", token, "/api/connectors/%s/versions", small, large);
        versions("list cursor page before v5", token, "/api/connectors/%s/versions?cursor=" + cursor(5), small, large);
        versions(
                "list cursor page before v5000",
                token,
                "/api/connectors/%s/versions?cursor=" + cursor(5_000),
                small,
                large);
        versions("get one version", token, "/api/connectors/%s/versions/5", small, large);

        TestOrg library = TestOrg.create();
        UUID objectId;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID editor = QueryPlans.membership(db, library.id(), "editor-" + library.id());
            QueryPlans.seedObjects(
                    db,
                    library.id(),
                    editor,
                    QueryPlans.membership(db, library.id(), "owner-" + library.id()),
                    100_000);
            try (ResultSet rs = db.createStatement()
                    .executeQuery("SELECT id FROM config_object WHERE organization_id = '" + library.id()
                            + "' AND title = 'object 50020'")) {
                rs.next();
                objectId = rs.getObject(1, UUID.class);
            }
        }
        String objects = "/v1/orgs/" + library.id() + "/config-objects";
        double[] baseline = measure(library.editorToken(), objects + "/" + objectId, WARM_UP, REQUESTS);
        print("object get by id (baseline)", baseline);
        // a member who sees none of the objects: the access filter is checked on every row of the org
        double[] none = measure(library.viewerToken(), objects, 2, 20);
        System.out.printf(
                "BENCH object list first page, member who sees none of the 100,000 (20 requests): p50 %.2f ms,"
                        + " p99 %.2f ms; p99 %.1fx the get by id%n",
                none[0], none[1], none[1] / baseline[1]);
        for (String[] c : new String[][] {
            {"object list first page, admin", library.ownerToken(), objects},
            {"object list first page, member (sees 1 in 20)", library.editorToken(), objects},
            {"object list object_type=hook, member", library.editorToken(), objects + "?object_type=hook"},
            {"object search q=word20 (100 hits), member", library.editorToken(), objects + "?q=word20"},
            {"object search q=word17 (100 hits), admin", library.ownerToken(), objects + "?q=word17"},
            {"object search q=common (100,000 hits), admin", library.ownerToken(), objects + "?q=common"},
        }) {
            double[] p = measure(c[1], c[2], WARM_UP, REQUESTS);
            System.out.printf(
                    "BENCH %s at 100,000 objects: p50 %.2f ms, p99 %.2f ms (target p99 <= 50 ms);"
                            + " p99 %.1fx the get by id%n",
                    c[0], p[0], p[1], p[1] / baseline[1]);
        }
    }

    private void versions(String what, String token, String path, String small, String large) throws Exception {
        double[] ten = measure(token, String.format(path, small), WARM_UP, REQUESTS);
        double[] tenThousand = measure(token, String.format(path, large), WARM_UP, REQUESTS);
        System.out.printf(
                "BENCH versions %s: 10 versions p50 %.2f / p99 %.2f ms; 10,000 versions p50 %.2f / p99 %.2f ms;"
                        + " ratio p50 %.2fx, p99 %.2fx (target p99 <= 1.2x)%n",
                what, ten[0], ten[1], tenThousand[0], tenThousand[1], tenThousand[0] / ten[0], tenThousand[1] / ten[1]);
    }

    private static String cursor(int version) {
        return io.plugsync.common.http.Cursor.encode(Integer.toString(version));
    }

    private static void print(String what, double[] p) {
        System.out.printf("BENCH %s: p50 %.2f ms, p99 %.2f ms%n", what, p[0], p[1]);
    }

    /** {p50, p99} in ms of {@code requests} sequential GETs after {@code warmUp} of them. */
    private double[] measure(String token, String path, int warmUp, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        for (int i = 0; i < warmUp; i++) {
            send(request);
        }
        long[] ns = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            send(request);
            ns[i] = System.nanoTime() - start;
        }
        Arrays.sort(ns);
        return new double[] {ns[requests / 2] / 1e6, ns[(int) Math.ceil(requests * 0.99) - 1] / 1e6};
    }

    private void send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " -> " + response.statusCode() + " "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
