package io.plugsync.gauntlet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub for the gauntlet: the ingest tests' WireMock fake (installation tokens, branch heads, real
 * tarballs, comparisons, blobs through {@link FakeRepo}), plus the two GitHub faults: every
 * response 2 s late, and a burst of 502s on every route.
 */
final class FakeGithub {
    private final WireMockServer server = FakeGithubResource.server();
    private volatile StubMapping failing;

    String apiUrl() {
        return server.baseUrl();
    }

    /** The GitHub App settings connector-ingest needs to talk to this fake. */
    Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("plugsync.github.api-url", server.baseUrl());
        config.put("plugsync.github.app-id", FakeGithubResource.APP_ID);
        config.put(
                "plugsync.github.private-key",
                FakeGithubResource.pem(
                        "PRIVATE KEY", FakeGithubResource.appKey().getPrivate().getEncoded()));
        return config;
    }

    void slow(boolean on) {
        server.setGlobalFixedDelay(on ? 2000 : 0);
    }

    void failing(boolean on) {
        if (on && failing == null) {
            failing = server.stubFor(any(anyUrl())
                    .atPriority(1)
                    .willReturn(aResponse()
                            .withStatus(502)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"message\":\"Server Error\"}")));
        } else if (!on && failing != null) {
            server.removeStub(failing);
            failing = null;
        }
    }

    /** Empties WireMock's request journal (it keeps every request, bodies included, otherwise). */
    void forgetRequests() {
        server.resetRequests();
    }
}
