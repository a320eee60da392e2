package io.plugsync.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class McpOriginPolicyTest {
    private final McpOriginPolicy defaults = new McpOriginPolicy(List.of(), true, true);

    @Test
    void absentOriginIsAllowed() {
        assertThat(defaults.allows(null, "api.plugsync.io")).isTrue();
    }

    @Test
    void loopbackOriginsAreAllowedWhenConfigured() {
        assertThat(defaults.allows("http://localhost:3000", "api.plugsync.io")).isTrue();
        assertThat(defaults.allows("http://127.0.0.1", "api.plugsync.io")).isTrue();
        assertThat(defaults.allows("http://[::1]:8080", "api.plugsync.io")).isTrue();
        assertThat(new McpOriginPolicy(List.of(), false, false).allows("http://localhost:3000", "x"))
                .isFalse();
    }

    @Test
    void sameOriginIsAllowedForeignIsNot() {
        assertThat(defaults.allows("https://api.plugsync.io", "api.plugsync.io"))
                .isTrue();
        assertThat(defaults.allows("https://evil.example", "api.plugsync.io")).isFalse();
        assertThat(defaults.allows("https://api.plugsync.io.evil.example", "api.plugsync.io"))
                .isFalse();
        assertThat(new McpOriginPolicy(List.of(), true, false).allows("https://api.plugsync.io", "api.plugsync.io"))
                .isFalse();
    }

    @Test
    void configuredOriginsMatchExactlyOrOnAnyPort() {
        McpOriginPolicy policy =
                new McpOriginPolicy(List.of("https://app.example.com", "http://tools.example.com:*"), false, false);
        assertThat(policy.allows("https://app.example.com", "api")).isTrue();
        assertThat(policy.allows("https://app.example.com:8443", "api")).isFalse();
        assertThat(policy.allows("http://tools.example.com:9999", "api")).isTrue();
        assertThat(policy.allows("https://tools.example.com:9999", "api")).isFalse();
    }

    @Test
    void opaqueAndMalformedOriginsAreRefused() {
        assertThat(defaults.allows("null", "api")).isFalse();
        assertThat(defaults.allows("not a url", "api")).isFalse();
        assertThat(defaults.allows("file:///etc/passwd", "api")).isFalse();
    }
}
