package io.plugsync.common.library;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/**
 * {@code plugsync.encryption.*}: the active key id (new payloads are sealed with it) and every key
 * still needed to open older payloads, base64 of 32 bytes each. Every service reads it: config-api
 * and connector-ingest seal payloads, the dispatcher opens them.
 */
@ConfigMapping(prefix = "plugsync.encryption")
public interface EncryptionConfig {
    String activeKeyId();

    Map<String, String> keys();
}
