package io.plugsync.api.library.types;

/** Request bodies of the type-specific routes: the config-object bodies without {@code object_type}. */
public final class TypedRequests {
    private TypedRequests() {}

    /** {@code POST /{kind}}: the object and its first version. */
    public record Create(String sourceMode, String content, String fileName, String relativePath, String title) {}

    /** {@code POST /{kind}/{id}/versions}, {@code /validate}, {@code /preview}: content as a version would hold it. */
    public record Content(String content, String fileName, String relativePath, String title) {}
}
