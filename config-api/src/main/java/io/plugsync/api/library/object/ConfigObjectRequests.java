package io.plugsync.api.library.object;

/** Request bodies of the config object endpoints. */
public final class ConfigObjectRequests {
    private ConfigObjectRequests() {}

    /** {@code POST /config-objects}: the object and its first version. */
    public record Create(
            String objectType, String sourceMode, String content, String fileName, String relativePath, String title) {}

    /** {@code PUT /config-objects/{id}}: the content of a new version. */
    public record Update(String content, String fileName, String relativePath, String title) {}
}
