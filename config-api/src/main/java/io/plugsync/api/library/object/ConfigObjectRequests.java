package io.plugsync.api.library.object;

import java.util.List;
import java.util.UUID;

/** Request bodies of the config object endpoints. */
public final class ConfigObjectRequests {
    private ConfigObjectRequests() {}

    /**
     * {@code POST /config-objects}: the object, its first version and the plugins it joins at once
     * ({@code plugin_ids}: all or nothing).
     */
    public record Create(
            String objectType,
            String sourceMode,
            String content,
            String fileName,
            String relativePath,
            String title,
            List<UUID> pluginIds) {}

    /** {@code PUT /config-objects/{id}}: the content of a new version. */
    public record Update(String content, String fileName, String relativePath, String title) {}
}
