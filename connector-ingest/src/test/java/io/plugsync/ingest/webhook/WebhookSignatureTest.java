package io.plugsync.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesGithubsPublishedExample() {
        // the example from GitHub's "Validating webhook deliveries" documentation
        assertThat(WebhookSignature.sign(SECRET, BODY))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
        assertThat(WebhookSignature.valid(SECRET, BODY, WebhookSignature.sign(SECRET, BODY)))
                .isTrue();
    }

    @Test
    void wrongSecretTamperedBodyMissingOrMalformedHeaderAreRejected() {
        String good = WebhookSignature.sign(SECRET, BODY);
        assertThat(WebhookSignature.valid("other", BODY, good)).isFalse();
        assertThat(WebhookSignature.valid(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8), good))
                .isFalse();
        assertThat(WebhookSignature.valid(SECRET, BODY, null)).isFalse();
        assertThat(WebhookSignature.valid(SECRET, BODY, good.substring(7))).isFalse();
        assertThat(WebhookSignature.valid(SECRET, BODY, "sha256=zz")).isFalse();
        assertThat(WebhookSignature.valid(SECRET, BODY, "sha1=0a4d55a8d778e5022fab701977c5d840bbc486d0"))
                .isFalse();
    }
}
