package io.plugsync.ingest.support;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * GitHub's side of installing the App with "Request user authorization (OAuth) during
 * installation", on the fake GitHub: the OAuth code exchange (only with the App's client id and
 * secret) and {@code GET /user/installations} for the token it hands out. Codes nobody stubbed
 * are refused the way GitHub refuses them (200 with {@code error}).
 */
public final class FakeGithubUser {
    public static final String APP_SLUG = "plugsync-test";
    public static final String CLIENT_ID = "Iv1.fake" + Long.toHexString(System.nanoTime());
    public static final String CLIENT_SECRET = random();
    public static final String STATE_SECRET = random();
    public static final String DASHBOARD = "https://dashboard.plugsync.test/settings/github";

    private FakeGithubUser() {}

    /**
     * GitHub App linking configured against the fake GitHub. Sync worker and head check off (the
     * packaged app of the IT runs the prod profile, where they would be on): linking needs neither.
     */
    public static class LinkingConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("plugsync.github.web-url", FakeGithubResource.server().baseUrl());
            config.put("plugsync.github.app-slug", APP_SLUG);
            config.put("plugsync.github.client-id", CLIENT_ID);
            config.put("plugsync.github.client-secret", CLIENT_SECRET);
            config.put("plugsync.github.linking.state-secret", STATE_SECRET);
            config.put("plugsync.github.linking.dashboard-url", DASHBOARD);
            config.put("plugsync.ingest.worker.enabled", "false");
            config.put("plugsync.ingest.reconcile.enabled", "false");
            return config;
        }
    }

    /** A fresh OAuth code whose user can access exactly {@code installationIds}. */
    public static String authorizing(String... installationIds) {
        refuseUnknownCodes();
        String code = "code-" + UUID.randomUUID();
        String token = "ghu_" + code;
        StringBuilder installations = new StringBuilder();
        for (String id : installationIds) {
            installations
                    .append(installations.isEmpty() ? "" : ",")
                    .append("{\"id\":")
                    .append(id)
                    .append(",\"account\":{\"login\":\"acme-")
                    .append(id)
                    .append("\",\"type\":\"Organization\"},\"repository_selection\":\"selected\"}");
        }
        FakeGithubResource.server()
                .stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                        .withHeader("Accept", containing("application/json"))
                        .withRequestBody(containing("client_id=" + CLIENT_ID))
                        .withRequestBody(containing("client_secret=" + CLIENT_SECRET))
                        .withRequestBody(containing("code=" + code))
                        .willReturn(okJson(
                                "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"scope\":\"\"}")));
        FakeGithubResource.server()
                .stubFor(get(urlPathEqualTo("/user/installations"))
                        .withHeader("Authorization", equalTo("Bearer " + token))
                        .willReturn(okJson("{\"total_count\":" + installationIds.length + ",\"installations\":["
                                + installations + "]}")));
        return code;
    }

    /** How often the fake GitHub was asked to exchange {@code code}. */
    public static int exchangesOf(String code) {
        return FakeGithubResource.server()
                .countRequestsMatching(postRequestedFor(urlPathEqualTo("/login/oauth/access_token"))
                        .withRequestBody(containing("code=" + code))
                        .build())
                .getCount();
    }

    private static void refuseUnknownCodes() {
        FakeGithubResource.server()
                .stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                        .atPriority(10)
                        .willReturn(okJson("{\"error\":\"bad_verification_code\","
                                + "\"error_description\":\"The code passed is incorrect or expired.\"}")));
    }

    private static String random() {
        byte[] bytes = new byte[36];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
