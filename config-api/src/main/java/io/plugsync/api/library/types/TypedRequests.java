package io.plugsync.api.library.types;

import java.util.List;
import java.util.UUID;

/** Request bodies of the type-specific routes: the config-object bodies without {@code object_type}. */
public final class TypedRequests {
    private TypedRequests() {}

    /** {@code POST /{kind}}: the object and its first version. */
    public record Create(
            String sourceMode,
            String content,
            String fileName,
            String relativePath,
            String title,
            List<UUID> pluginIds) {}

    /** {@code POST /{kind}/{id}/versions}, {@code /validate}, {@code /preview}: content as a version would hold it. */
    public record Content(String content, String fileName, String relativePath, String title) {}
}
