package io.plugsync.api.library.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** {@code plugsync.encryption.*}: the active key id and every readable key (base64 of 32 bytes). */
@ConfigMapping(prefix = "plugsync.encryption")
public interface EncryptionConfig {
    String activeKeyId();

    Map<String, String> keys();
}
