package io.plugsync.ingest.library;

import io.plugsync.common.library.ConfigObjectWriter;
import io.plugsync.common.library.PayloadCipher;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** The common library write path, configured with this service's encryption keys. */
public class LibraryProducer {
    @Produces
    @Singleton
    ConfigObjectWriter configObjectWriter(EncryptionConfig config) {
        Map<String, String> keys = new LinkedHashMap<>();
        config.keys().forEach((id, key) -> keys.put(unquote(id), key));
        return new ConfigObjectWriter(PayloadCipher.fromBase64Keys(config.activeKeyId(), keys));
    }

    private static String unquote(String id) {
        return id.startsWith("\"") && id.endsWith("\"") ? id.substring(1, id.length() - 1) : id;
    }
}
