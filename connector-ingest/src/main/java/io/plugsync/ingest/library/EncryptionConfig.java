package io.plugsync.ingest.library;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** Payload encryption keys: base64 AES-256 keys by id; new rows use the active one. */
@ConfigMapping(prefix = "plugsync.encryption")
public interface EncryptionConfig {
    String activeKeyId();

    Map<String, String> keys();
}
