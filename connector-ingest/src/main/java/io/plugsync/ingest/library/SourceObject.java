package io.plugsync.ingest.library;

import java.util.UUID;

/**
 * Where a connector-managed config object comes from, for one write of one sync; {@code
 * attributedTo} is the member the write is made for (the mapping's creator, owner of what it
 * creates), null when nobody is known.
 */
public record SourceObject(
        UUID organizationId,
        UUID instanceId,
        String objectType,
        String path,
        UUID syncEventId,
        String revision,
        UUID attributedTo) {

    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Extension without the dot, or null. */
    public String extension() {
        String name = fileName();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? null : name.substring(dot + 1);
    }
}
