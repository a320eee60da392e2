package io.plugsync.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** An RSA key pair for signing development and test tokens; generated, never committed. */
public record DevKeys(PrivateKey privateKey, PublicKey publicKey) {

    public static DevKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new DevKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the pair from {@code dir}, generating and saving it on first use. */
    public static DevKeys loadOrCreate(Path dir) {
        Path priv = dir.resolve("jwt-private.pem");
        Path pub = dir.resolve("jwt-public.pem");
        try {
            if (Files.isRegularFile(priv) && Files.isRegularFile(pub)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                return new DevKeys(
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(decode(Files.readString(priv)))),
                        rsa.generatePublic(new X509EncodedKeySpec(decode(Files.readString(pub)))));
            }
            DevKeys keys = generate();
            Files.createDirectories(dir);
            Files.writeString(priv, pem("PRIVATE KEY", keys.privateKey.getEncoded()));
            Files.writeString(pub, keys.publicKeyPem());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    public String privateKeyPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] decode(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
