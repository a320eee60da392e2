package io.plugsync.api.bench;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.OrgFixtures;
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
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Not a test (the name keeps it out of Surefire's default includes): run by {@code
 * bench/history-bench.sh}. Sequential request latencies (p50/p99) of the versions list and get at
 * 10 and at 10,000 versions of a connector (the same request on both, alternated), and of the
 * config object list/search at 100,000 objects of an organisation (admin; members who see none,
 * 1 in 20, 220 through a team's plugin and grants, all through an org-wide plugin) next to the
 * primary-key get of one object through the same API. Prints lines starting with {@code BENCH}.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class HistoryBenchmark {
    private static final int REQUESTS = Integer.getInteger("bench.requests", 400);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 200);
    /** Versions requests per side: p99 is then the 20th slowest, not the 4th. */
    private static final int VERSION_REQUESTS = Integer.getInteger("bench.version-requests", 2000);

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
        // like for like: pages of 10 items at 10 and at 10,000 versions (history length is the only difference)
        versions("list first page, limit=10", token, "/api/connectors/%s/versions?limit=10", small, large);
        versions(
                "list cursor page before v5000, limit=10",
                token,
                "/api/connectors/%s/versions?limit=10&cursor=" + cursor(5_000),
                small,
                large);
        versions("list cursor page before v5", token, "/api/connectors/%s/versions?cursor=" + cursor(5), small, large);
        versions("get one version", token, "/api/connectors/%s/versions/5", small, large);
        // the default page holds 50 items at 10,000 versions but only the 10 there are at 10 versions:
        // this ratio includes the cost of a 5x larger page, printed for what it is
        versions(
                "list first page, default limit (10 items vs 50 items)",
                token,
                "/api/connectors/%s/versions",
                small,
                large);
        versions(
                "list cursor page before v5000, default limit (10 items vs 50 items)",
                token,
                "/api/connectors/%s/versions?cursor=" + cursor(5_000),
                small,
                large);

        TestOrg library = TestOrg.create();
        TestOrg shared = TestOrg.create();
        UUID objectId;
        String readerToken;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID editor = QueryPlans.membership(db, library.id(), "editor-" + library.id());
            QueryPlans.seedObjects(
                    db,
                    library.id(),
                    editor,
                    QueryPlans.membership(db, library.id(), "owner-" + library.id()),
                    100_000);
            readerToken = reader(db, library.id());
            try (ResultSet rs = db.createStatement()
                    .executeQuery("SELECT id FROM config_object WHERE organization_id = '" + library.id()
                            + "' AND title = 'object 50020'")) {
                rs.next();
                objectId = rs.getObject(1, UUID.class);
            }
            // another organisation whose every object is in a plugin granted to the whole organisation
            UUID sharedOwner = QueryPlans.membership(db, shared.id(), "owner-" + shared.id());
            QueryPlans.seedObjects(db, shared.id(), sharedOwner, sharedOwner, 100_000);
            orgWidePlugin(db, shared.id());
        }
        String objects = "/v1/orgs/" + library.id() + "/config-objects";
        double[] baseline = measure(library.editorToken(), objects + "/" + objectId, WARM_UP, REQUESTS);
        print("object get by id (baseline)", baseline);
        for (String[] c : new String[][] {
            {"object list first page, admin", library.ownerToken(), objects},
            {"object list first page, member who sees none of them", library.viewerToken(), objects},
            {"object list first page, member (created 1 in 20)", library.editorToken(), objects},
            {"object list first page, member who sees 220 through a team's plugin and grants", readerToken, objects},
            {
                "object list object_type=hook, member (created 1 in 20)",
                library.editorToken(),
                objects + "?object_type=hook"
            },
            {"object search q=word20 (100 hits), member", library.editorToken(), objects + "?q=word20"},
            {"object search q=common (100,000 hits), member", library.editorToken(), objects + "?q=common"},
            {"object search q=word17 (100 hits), admin", library.ownerToken(), objects + "?q=word17"},
            {"object search q=common (100,000 hits), admin", library.ownerToken(), objects + "?q=common"},
            {
                "object list first page, member who sees all of them through an org-wide plugin",
                shared.viewerToken(),
                "/v1/orgs/" + shared.id() + "/config-objects"
            },
        }) {
            double[] p = measure(c[1], c[2], WARM_UP, REQUESTS);
            System.out.printf(
                    "BENCH %s at 100,000 objects: p50 %.2f ms, p99 %.2f ms (target p99 <= 50 ms);"
                            + " p99 %.1fx the get by id%n",
                    c[0], p[0], p[1], p[1] / baseline[1]);
        }
    }

    /** A member who sees 200 objects through a team's plugin and 20 through direct grants; their token. */
    private static String reader(Connection db, UUID org) throws Exception {
        String subject = "reader-" + org;
        UUID reader = OrgFixtures.ensureMember(db, org, subject, "viewer");
        UUID team = OrgFixtures.ensureTeam(db, org, "readers");
        OrgFixtures.addToTeam(db, team, reader);
        UUID plugin = plugin(db, org);
        try (Statement st = db.createStatement()) {
            st.execute("INSERT INTO plugin_access_grant (plugin_id, team_id, role) VALUES ('" + plugin + "', '" + team
                    + "', 'viewer')");
            st.execute("INSERT INTO plugin_config_object (plugin_id, config_object_id, membership_source)"
                    + " SELECT '" + plugin + "', id, 'manual' FROM config_object WHERE organization_id = '" + org
                    + "' AND substring(slug from 8)::int % 500 = 3");
            st.execute("INSERT INTO config_object_access_grant (config_object_id, org_membership_id, role)"
                    + " SELECT id, '" + reader + "', 'viewer' FROM config_object WHERE organization_id = '" + org
                    + "' AND substring(slug from 8)::int % 5000 = 7");
            st.execute("ANALYZE");
        }
        return PlugSyncTestEngines.token(subject, Map.of(org.toString(), "viewer"));
    }

    /** A plugin holding every object of the organisation, granted to the whole organisation. */
    private static void orgWidePlugin(Connection db, UUID org) throws Exception {
        UUID plugin = plugin(db, org);
        try (Statement st = db.createStatement()) {
            st.execute("INSERT INTO plugin_access_grant (plugin_id, org_wide, role) VALUES ('" + plugin
                    + "', true, 'viewer')");
            st.execute("INSERT INTO plugin_config_object (plugin_id, config_object_id, membership_source)" + " SELECT '"
                    + plugin + "', id, 'manual' FROM config_object WHERE organization_id = '" + org + "'");
            st.execute("ANALYZE");
        }
    }

    private static UUID plugin(Connection db, UUID org) throws Exception {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("INSERT INTO plugin (organization_id, name) VALUES ('" + org
                        + "', 'plugin " + UUID.randomUUID() + "') RETURNING id")) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    /**
     * The same request at 10 and at 10,000 versions, alternated one by one (after a warm-up of both),
     * so both sides see the same JIT state and the same bursts of load from other processes.
     */
    private void versions(String what, String token, String path, String small, String large) throws Exception {
        HttpRequest ten = request(token, String.format(path, small));
        HttpRequest tenThousand = request(token, String.format(path, large));
        for (int i = 0; i < WARM_UP; i++) {
            send(ten);
            send(tenThousand);
        }
        long[] a = new long[VERSION_REQUESTS];
        long[] b = new long[VERSION_REQUESTS];
        for (int i = 0; i < VERSION_REQUESTS; i++) {
            a[i] = timed(ten);
            b[i] = timed(tenThousand);
        }
        double[] p = percentiles(a);
        double[] q = percentiles(b);
        System.out.printf(
                "BENCH versions %s (%d requests each, alternated): 10 versions p50 %.2f / p99 %.2f ms;"
                        + " 10,000 versions p50 %.2f / p99 %.2f ms; ratio p50 %.2fx, p99 %.2fx (target p99 <= 1.2x)%n",
                what, VERSION_REQUESTS, p[0], p[1], q[0], q[1], q[0] / p[0], q[1] / p[1]);
    }

    private static String cursor(int version) {
        return io.plugsync.common.http.Cursor.encode(Integer.toString(version));
    }

    private static void print(String what, double[] p) {
        System.out.printf("BENCH %s: p50 %.2f ms, p99 %.2f ms%n", what, p[0], p[1]);
    }

    /** {p50, p99} in ms of {@code requests} sequential GETs after {@code warmUp} of them. */
    private double[] measure(String token, String path, int warmUp, int requests) throws Exception {
        HttpRequest request = request(token, path);
        for (int i = 0; i < warmUp; i++) {
            send(request);
        }
        long[] ns = new long[requests];
        for (int i = 0; i < requests; i++) {
            ns[i] = timed(request);
        }
        return percentiles(ns);
    }

    private HttpRequest request(String token, String path) {
        return HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    private long timed(HttpRequest request) throws Exception {
        long start = System.nanoTime();
        send(request);
        return System.nanoTime() - start;
    }

    /** {p50, p99} in ms. */
    private static double[] percentiles(long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6};
    }

    private void send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " -> " + response.statusCode() + " "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
