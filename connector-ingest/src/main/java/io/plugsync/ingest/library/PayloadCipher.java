package io.plugsync.ingest.library;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * AES-256-GCM (Tink) envelope for config object payloads; the key id is stored per row so keys can
 * rotate, and the object id is the associated data so a ciphertext cannot be moved to another object.
 */
@ApplicationScoped
public class PayloadCipher {
    private final String activeKeyId;
    private final Map<String, Aead> keys = new HashMap<>();

    public PayloadCipher(EncryptionConfig config) {
        this.activeKeyId = config.activeKeyId();
        config.keys().forEach((id, base64) -> {
            try {
                keys.put(unquote(id), new AesGcmJce(Base64.getDecoder().decode(base64)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("encryption key " + id + " is not an AES key", e);
            }
        });
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("plugsync.encryption.active-key-id " + activeKeyId + " has no key");
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public byte[] encrypt(UUID objectId, String plaintext) {
        try {
            return keys.get(activeKeyId).encrypt(plaintext.getBytes(StandardCharsets.UTF_8), aad(objectId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("payload encryption failed", e);
        }
    }

    public String decrypt(String keyId, UUID objectId, byte[] ciphertext) {
        Aead aead = keys.get(keyId);
        if (aead == null) {
            throw new IllegalStateException("no key " + keyId);
        }
        try {
            return new String(aead.decrypt(ciphertext, aad(objectId)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("payload decryption failed", e);
        }
    }

    private static byte[] aad(UUID objectId) {
        return objectId.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String unquote(String id) {
        return id.startsWith("\"") && id.endsWith("\"") ? id.substring(1, id.length() - 1) : id;
    }
}
