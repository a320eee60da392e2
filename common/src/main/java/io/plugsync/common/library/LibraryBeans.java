package io.plugsync.common.library;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * CDI beans of the library write path in every service: the payload cipher built once from {@link
 * EncryptionConfig} (fails fast on bad keys), the writer and the version sealer.
 */
@Singleton
public class LibraryBeans {

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
