package io.plugsync.common.library;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AEAD (Tink AES-256-GCM) for config object payloads at rest. New rows are sealed with the active
 * key and carry its id; any configured key id can still open old rows, so keys rotate by adding a
 * new key and making it active. Keys come from configuration ({@code plugsync.encryption.keys."id"}
 * = base64 of 32 random bytes), never from the repository.
 */
public final class PayloadCipher {
    private static final int KEY_BYTES = 32;

    private final String activeKeyId;
    private final Map<String, Aead> keys;

    private PayloadCipher(String activeKeyId, Map<String, Aead> keys) {
        this.activeKeyId = activeKeyId;
        this.keys = Map.copyOf(keys);
    }

    /** Ciphertext and the id of the key that sealed it. */
    public record Sealed(String keyId, byte[] ciphertext) {}

    /**
     * @param activeKeyId the key new rows are sealed with; must be one of {@code base64Keys}
     * @param base64Keys key id to base64 of 32 bytes
     * @throws IllegalArgumentException on a missing active key or a malformed key
     */
    public static PayloadCipher fromBase64Keys(String activeKeyId, Map<String, String> base64Keys) {
        if (activeKeyId == null || activeKeyId.isBlank()) {
            throw new IllegalArgumentException("plugsync.encryption.active-key-id is not set");
        }
        Map<String, Aead> aeads = new LinkedHashMap<>();
        base64Keys.forEach((id, encoded) -> aeads.put(id, aead(id, encoded)));
        if (!aeads.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("no key configured for the active key id '" + activeKeyId + "'");
        }
        return new PayloadCipher(activeKeyId, aeads);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public Sealed seal(byte[] plaintext, byte[] associatedData) {
        try {
            return new Sealed(activeKeyId, keys.get(activeKeyId).encrypt(plaintext, associatedData));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /**
     * Opens a row sealed under {@code keyId}.
     *
     * @throws IllegalStateException if the key is not configured or the ciphertext or associated
     *     data do not authenticate (tampering or a row moved to another object)
     */
    public byte[] open(String keyId, byte[] ciphertext, byte[] associatedData) {
        Aead aead = keys.get(keyId);
        if (aead == null) {
            throw new IllegalStateException("no key configured for key id '" + keyId + "'");
        }
        try {
            return aead.decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ciphertext under key '" + keyId + "' does not authenticate", e);
        }
    }

    private static Aead aead(String id, String encoded) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded == null ? "" : encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encryption key '" + id + "' is not base64");
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("encryption key '" + id + "' must be 32 bytes, got " + raw.length);
        }
        try {
            AesGcmParameters parameters = AesGcmParameters.builder()
                    .setKeySizeBytes(KEY_BYTES)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
            AesGcmKey key = AesGcmKey.builder()
                    .setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
                    .build();
            return AesGcmJce.create(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("encryption key '" + id + "' is not usable: " + e.getMessage(), e);
        }
    }
}
