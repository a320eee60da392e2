package io.plugsync.ingest.support;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory repository served by WireMock the way GitHub serves it: branch head, git trees
 * (recursive listings truncated above a threshold, like GitHub's), blobs by content hash.
 */
public final class FakeRepo {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer server;
    private final String owner;
    private final String name;
    private final String branch;
    private final TreeMap<String, byte[]> files = new TreeMap<>();
    private final Set<String> stubbedBlobs = new HashSet<>();
    private int truncateAbove = Integer.MAX_VALUE;
    private int commits;
    private String head;

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

    /** Recursive listings with more entries than this come back truncated. */
    public FakeRepo truncateAbove(int entries) {
        this.truncateAbove = entries;
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
        server.stubFor(get(urlPathEqualTo("/repos/" + fullName() + "/branches/" + branch))
                .willReturn(okJson("{\"name\":\"" + branch + "\",\"commit\":{\"sha\":\"" + head
                        + "\",\"commit\":{\"tree\":{\"sha\":\"" + tree + "\"}}}}")));
        return head;
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

        /** Stubs this directory's listings (children first) and returns its tree SHA. */
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
            ArrayNode recursive = JSON.createArrayNode();
            collect("", recursive);
            boolean truncated = recursive.size() > truncateAbove;
            ArrayNode listed = JSON.createArrayNode();
            for (int i = 0; i < Math.min(recursive.size(), truncateAbove); i++) {
                listed.add(recursive.get(i));
            }
            String url = "/repos/" + fullName() + "/git/trees/" + sha;
            server.stubFor(get(urlPathEqualTo(url))
                    .withQueryParam("recursive", absent())
                    .willReturn(okJson(tree(level, false))));
            server.stubFor(get(urlPathEqualTo(url))
                    .withQueryParam("recursive", equalTo("1"))
                    .willReturn(okJson(tree(truncated ? listed : recursive, truncated))));
            return sha;
        }

        void collect(String prefix, ArrayNode out) {
            dirs.forEach((dirName, dir) -> {
                out.addObject()
                        .put("path", prefix + dirName)
                        .put("mode", "040000")
                        .put("type", "tree")
                        .put("sha", dir.sha);
                dir.collect(prefix + dirName + "/", out);
            });
            blobs.forEach((fileName, blob) -> out.addObject()
                    .put("path", prefix + fileName)
                    .put("mode", "100644")
                    .put("type", "blob")
                    .put("sha", blob[0])
                    .put("size", Long.parseLong(blob[1])));
        }

        private String tree(ArrayNode entries, boolean truncated) {
            ObjectNode body = JSON.createObjectNode().put("sha", sha).put("truncated", truncated);
            body.set("tree", entries);
            return body.toString();
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
