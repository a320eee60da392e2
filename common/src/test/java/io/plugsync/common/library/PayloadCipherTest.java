package io.plugsync.common.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadCipherTest {
    static String key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static final byte[] AD = "object-1/payload".getBytes(StandardCharsets.UTF_8);
    static final byte[] SECRET = "{\"token\":\"s3cr3t\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsWithTheActiveKeyAndOpensWithItsId() {
        PayloadCipher cipher = PayloadCipher.fromBase64Keys("k1", Map.of("k1", key()));
        PayloadCipher.Sealed sealed = cipher.seal(SECRET, AD);
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
        assertThat(cipher.open("k1", sealed.ciphertext(), AD)).isEqualTo(SECRET);
    }

    @Test
    void rotationKeepsOldRowsReadable() {
        String oldKey = key();
        PayloadCipher before = PayloadCipher.fromBase64Keys("old", Map.of("old", oldKey));
        PayloadCipher.Sealed sealed = before.seal(SECRET, AD);
        PayloadCipher after = PayloadCipher.fromBase64Keys("new", Map.of("old", oldKey, "new", key()));
        assertThat(after.seal(SECRET, AD).keyId()).isEqualTo("new");
        assertThat(after.open("old", sealed.ciphertext(), AD)).isEqualTo(SECRET);
    }

    @Test
    void wrongAssociatedDataOrTamperingDoesNotOpen() {
        PayloadCipher cipher = PayloadCipher.fromBase64Keys("k1", Map.of("k1", key()));
        byte[] ciphertext = cipher.seal(SECRET, AD).ciphertext();
        assertThatThrownBy(() -> cipher.open("k1", ciphertext, "object-2/payload".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class);
        ciphertext[ciphertext.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open("k1", ciphertext, AD)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open("gone", ciphertext, AD)).hasMessageContaining("gone");
    }

    @Test
    void misconfiguredKeysFailAtStart() {
        assertThatThrownBy(() -> PayloadCipher.fromBase64Keys("k2", Map.of("k1", key())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k2");
        assertThatThrownBy(() -> PayloadCipher.fromBase64Keys(
                        "k1", Map.of("k1", Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> PayloadCipher.fromBase64Keys("k1", Map.of("k1", "not base64!")))
                .hasMessageContaining("base64");
    }
}
