package io.plugsync.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Secrets the manifests may reference, by name and key, from {@code deploy/secrets/contract.yaml}.
 * Secrets are created out of band; this contract is what operators must provide.
 */
public record SecretsContract(Map<String, Set<String>> keysBySecret) {

    public static SecretsContract load(Path file) {
        try {
            Map<String, Object> root = Yaml.documents(Files.readString(file)).get(0);
            Map<String, Set<String>> keys = new LinkedHashMap<>();
            for (Map<String, Object> secret : Yaml.maps(root, "secrets")) {
                Map<String, Object> declared = Yaml.map(secret, "keys");
                keys.put(Yaml.string(secret, "name"), declared == null ? Set.of() : Set.copyOf(declared.keySet()));
            }
            return new SecretsContract(Map.copyOf(keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean declares(String secret) {
        return keysBySecret.containsKey(secret);
    }

    public boolean declares(String secret, String key) {
        return keysBySecret.getOrDefault(secret, Set.of()).contains(key);
    }
}
