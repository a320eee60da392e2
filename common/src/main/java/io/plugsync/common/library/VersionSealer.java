package io.plugsync.common.library;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.json.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Seals and opens version content with {@link PayloadCipher}. The associated data binds each
 * ciphertext to its object and column, so a ciphertext copied to another row does not open.
 */
public final class VersionSealer {
    private final PayloadCipher cipher;

    public VersionSealer(PayloadCipher cipher) {
        this.cipher = cipher;
    }

    /** Sealed payload and raw text under the active key. */
    public record SealedContent(String keyId, byte[] payload, byte[] rawText) {}

    public SealedContent seal(UUID configObjectId, JsonNode payload, String rawText) {
        PayloadCipher.Sealed sealedPayload = cipher.seal(CanonicalJson.bytes(payload), ad(configObjectId, "payload"));
        byte[] sealedRaw = rawText == null
                ? null
                : cipher.seal(rawText.getBytes(StandardCharsets.UTF_8), ad(configObjectId, "raw"))
                        .ciphertext();
        return new SealedContent(sealedPayload.keyId(), sealedPayload.ciphertext(), sealedRaw);
    }

    public VersionContent open(StoredVersion version) {
        byte[] payload = cipher.open(
                version.encryptionKeyId(), version.sealedPayload(), ad(version.configObjectId(), "payload"));
        String raw = version.sealedRawText() == null
                ? null
                : new String(
                        cipher.open(
                                version.encryptionKeyId(),
                                version.sealedRawText(),
                                ad(version.configObjectId(), "raw")),
                        StandardCharsets.UTF_8);
        try {
            return new VersionContent(ConfigParsers.JSON.readTree(payload), raw);
        } catch (IOException e) {
            throw new IllegalStateException("version " + version.id() + " payload is not JSON", e);
        }
    }

    private static byte[] ad(UUID configObjectId, String column) {
        return ("plugsync/config_object_version/" + configObjectId + "/" + column).getBytes(StandardCharsets.UTF_8);
    }
}
