package io.plugsync.ingest.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory repository served by WireMock the way GitHub serves it: branch head, blobs by
 * content hash, the head's
 * tarball (a redirect to a codeload host) and the comparison of every earlier commit with the head.
 */
public final class FakeRepo {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer server;
    private final String owner;
    private final String name;
    private final String branch;
    private final TreeMap<String, byte[]> files = new TreeMap<>();
    private final Set<String> stubbedBlobs = new HashSet<>();
    /** Every commit's files, oldest first, for the comparisons. */
    private final Map<String, TreeMap<String, byte[]>> history = new LinkedHashMap<>();

    private int commits;
    private String head;
    private byte[] tarball;

    public FakeRepo(String owner, String name, String branch) {
        this.server = FakeGithubResource.server();
        this.owner = owner;
        this.name = name;
        this.branch = branch;
    }

    /** Token endpoint of an installation: a fresh token valid for an hour. */
    public static void stubInstallation(String installationId) {
        FakeGithubResource.server()
                .stubFor(post(urlPathEqualTo("/app/installations/" + installationId + "/access_tokens"))
                        .willReturn(okJson("{\"token\":\"ghs_" + installationId + "\",\"expires_at\":\""
                                        + Instant.now().plusSeconds(3600) + "\"}")
                                .withStatus(201)));
    }

    public String fullName() {
        return owner + "/" + name;
    }

    public FakeRepo put(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public FakeRepo remove(String path) {
        files.remove(path);
        return this;
    }

    public FakeRepo move(String from, String to) {
        files.put(to, files.remove(from));
        return this;
    }

    /** {@code GET /repos/{owner}/{name}} as the installation sees it: id and default branch. */
    public FakeRepo stubRepository(long id) {
        server.stubFor(get(urlPathEqualTo("/repos/" + fullName()))
                .willReturn(okJson(JSON.createObjectNode()
                        .put("id", id)
                        .put("full_name", fullName())
                        .put("default_branch", branch)
                        .put("private", true)
                        .toString())));
        return this;
    }

    public String head() {
        return head;
    }

    /** Publishes the current files as a new commit at the branch head; returns its SHA. */
    public String commit() {
        Dir root = new Dir();
        files.forEach((path, content) -> root.add(path.split("/"), 0, blobSha(content), content));
        String tree = root.stub("");
        head = sha1(("commit " + fullName() + " " + (++commits) + " " + tree).getBytes(StandardCharsets.UTF_8));
        stubTarball();
        stubComparisons();
        history.put(head, new TreeMap<>(files));
        server.stubFor(get(urlPathEqualTo("/repos/" + fullName() + "/branches/" + branch))
                .willReturn(okJson("{\"name\":\"" + branch + "\",\"commit\":{\"sha\":\"" + head
                        + "\",\"commit\":{\"tree\":{\"sha\":\"" + tree + "\"}}}}")));
        return head;
    }

    /** Where the tarball of {@code sha} redirects to: the fake GitHub under another host name. */
    public String codeloadUrl(String sha) {
        return "http://127.0.0.1:" + server.port() + codeloadPath(sha);
    }

    /** The codeload path the tarball of {@code sha} redirects to. */
    public String codeloadPath(String sha) {
        return "/codeload/" + fullName() + "/legacy.tar.gz/" + sha;
    }

    /**
     * {@code GET /tarball/{head}}: a 302 to codeload, which GitHub serves from another host; here
     * {@code 127.0.0.1} instead of the API's {@code localhost}, so a client that sends its token
     * there is caught. The archive is a real {@code .tar.gz} under {@code owner-repo-sha7/}.
     */
    private void stubTarball() {
        server.stubFor(get(urlPathEqualTo("/repos/" + fullName() + "/tarball/" + head))
                .willReturn(aResponse().withStatus(302).withHeader("Location", codeloadUrl(head))));
        server.stubFor(get(urlPathEqualTo(codeloadPath(head)))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/x-gzip")
                        .withBody(
                                tarball = Tarballs.of(owner + "-" + name + "-" + head.substring(0, 7), head, files))));
    }

    /** The head's tarball as served. */
    public byte[] tarball() {
        return tarball;
    }

    /** {@code GET /compare/{earlier}...{head}} for every earlier commit, listing at most 300 files as GitHub does. */
    private void stubComparisons() {
        int behind = history.size();
        for (Map.Entry<String, TreeMap<String, byte[]>> earlier : history.entrySet()) {
            ArrayNode changed = changes(earlier.getValue(), files);
            ArrayNode listed = JSON.createArrayNode();
            for (int i = 0; i < Math.min(changed.size(), COMPARE_CAP); i++) {
                listed.add(changed.get(i));
            }
            ObjectNode body = JSON.createObjectNode()
                    .put("status", "ahead")
                    .put("ahead_by", behind--)
                    .put("behind_by", 0);
            body.set("files", listed);
            server.stubFor(get(urlPathEqualTo("/repos/" + fullName() + "/compare/" + earlier.getKey() + "..." + head))
                    .willReturn(okJson(body.toString())));
        }
    }

    private static final int COMPARE_CAP = 300;

    private static ArrayNode changes(Map<String, byte[]> before, Map<String, byte[]> after) {
        Map<String, String> removed = new TreeMap<>();
        before.forEach((path, content) -> {
            if (!after.containsKey(path)) {
                removed.put(path, blobSha(content));
            }
        });
        ArrayNode out = JSON.createArrayNode();
        after.forEach((path, content) -> {
            String sha = blobSha(content);
            byte[] old = before.get(path);
            if (old == null) {
                String from = removed.entrySet().stream()
                        .filter(e -> e.getValue().equals(sha))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null);
                ObjectNode file = out.addObject().put("filename", path).put("sha", sha);
                if (from != null) {
                    removed.remove(from);
                    file.put("status", "renamed").put("previous_filename", from);
                } else {
                    file.put("status", "added");
                }
            } else if (!java.util.Arrays.equals(old, content)) {
                out.addObject().put("filename", path).put("status", "modified").put("sha", sha);
            }
        });
        removed.forEach((path, sha) ->
                out.addObject().put("filename", path).put("status", "removed").put("sha", sha));
        return out;
    }

    /** The git blob hash of {@code content}, as GitHub reports it. */
    public static String blobSha(byte[] content) {
        byte[] header = ("blob " + content.length + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[header.length + content.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(content, 0, all, header.length, content.length);
        return sha1(all);
    }

    private final class Dir {
        final TreeMap<String, Dir> dirs = new TreeMap<>();
        final TreeMap<String, String[]> blobs = new TreeMap<>();
        String sha;

        void add(String[] parts, int i, String blobSha, byte[] content) {
            if (i == parts.length - 1) {
                blobs.put(parts[i], new String[] {blobSha, Integer.toString(content.length)});
                if (stubbedBlobs.add(blobSha)) {
                    server.stubFor(get(urlPathEqualTo("/repos/" + fullName() + "/git/blobs/" + blobSha))
                            .willReturn(okJson("{\"sha\":\"" + blobSha + "\",\"encoding\":\"base64\",\"size\":"
                                    + content.length + ",\"content\":\""
                                    + Base64.getMimeEncoder()
                                            .encodeToString(content)
                                            .replace("\r\n", "\\n")
                                    + "\"}")));
                }
                return;
            }
            dirs.computeIfAbsent(parts[i], k -> new Dir()).add(parts, i + 1, blobSha, content);
        }

        /** This directory's tree SHA (children first); the sync reads tarballs and comparisons, not trees. */
        String stub(String path) {
            ArrayNode level = JSON.createArrayNode();
            dirs.forEach((dirName, dir) -> {
                String childSha = dir.stub(path + dirName + "/");
                level.addObject()
                        .put("path", dirName)
                        .put("mode", "040000")
                        .put("type", "tree")
                        .put("sha", childSha);
            });
            blobs.forEach((fileName, blob) -> level.addObject()
                    .put("path", fileName)
                    .put("mode", "100644")
                    .put("type", "blob")
                    .put("sha", blob[0])
                    .put("size", Long.parseLong(blob[1])));
            sha = sha1(level.toString().getBytes(StandardCharsets.UTF_8));
            return sha;
        }
    }

    static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unused helper kept small: the files map, for assertions. */
    public Map<String, byte[]> files() {
        return files;
    }
}
