package io.plugsync.ingest.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/** WireMock standing in for api.github.com, and the GitHub App key it expects; one per test JVM. */
public class FakeGithubResource implements QuarkusTestResourceLifecycleManager {
    public static final String APP_ID = "424242";
    private static WireMockServer server;
    private static KeyPair appKey;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            try {
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                appKey = rsa.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        }
        return server;
    }

    public static KeyPair appKey() {
        server();
        return appKey;
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Override
    public Map<String, String> start() {
        server();
        return Map.of(
                "plugsync.github.api-url", server.baseUrl(),
                "plugsync.github.app-id", APP_ID,
                "plugsync.github.private-key",
                        pem("PRIVATE KEY", appKey.getPrivate().getEncoded()));
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped at exit
    }
}
