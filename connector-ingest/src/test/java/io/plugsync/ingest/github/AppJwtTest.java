package io.plugsync.ingest.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AppJwtTest {
    @Test
    void acceptsGithubsPkcs1PemAndSignsVerifiableTokens() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        // an RSA PKCS#8 encoding is a fixed 26-byte header followed by the PKCS#1 key
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pkcs1) + "\n-----END RSA PRIVATE KEY-----\n";

        assertThat(AppJwt.parsePrivateKey(pem).getEncoded()).isEqualTo(pkcs8);

        String jwt = new AppJwt("123", pem).mint(Instant.parse("2026-01-01T00:00:00Z"));
        String[] parts = jwt.split("\\.");
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(pair.getPublic());
        verify.update((parts[0] + "." + parts[1]).getBytes());
        assertThat(verify.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1])))
                .contains("\"iss\":\"123\"")
                .contains("\"iat\":" + (Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() - 60));
    }
}
