package io.plugsync.api.library.crypto;

import io.plugsync.common.library.ConfigObjectWriter;
import io.plugsync.common.library.PayloadCipher;
import io.plugsync.common.library.VersionSealer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The shared write path and payload cipher, built once from configuration (fails fast on bad keys). */
@Singleton
public class LibraryCrypto {

    @Produces
    @Singleton
    PayloadCipher cipher(EncryptionConfig config) {
        return PayloadCipher.fromBase64Keys(config.activeKeyId(), config.keys());
    }

    @Produces
    @Singleton
    ConfigObjectWriter writer(PayloadCipher cipher) {
        return new ConfigObjectWriter(cipher);
    }

    @Produces
    @Singleton
    VersionSealer sealer(ConfigObjectWriter writer) {
        return writer.sealer();
    }
}
