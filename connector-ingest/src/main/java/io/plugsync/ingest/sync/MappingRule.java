package io.plugsync.ingest.sync;

import io.plugsync.common.source.PathSelector;
import java.util.UUID;

/**
 * A {@code connector_mapping} of a target: a glob selector over repository paths (e.g.
 * {@code /sales/skills/**}, matched by the common {@link PathSelector}, the same rule the admin
 * API's previews use), the object type it yields, optional plugin auto-membership, and the member
 * its objects are attributed to (their creator; null when nobody is known).
 */
public record MappingRule(
        UUID id,
        PathSelector selector,
        String objectType,
        UUID pluginId,
        boolean autoAddToPlugin,
        int order,
        UUID attributedTo) {

    public MappingRule(
            UUID id,
            String selector,
            String objectType,
            UUID pluginId,
            boolean autoAddToPlugin,
            int order,
            UUID attributedTo) {
        this(id, PathSelector.of(selector), objectType, pluginId, autoAddToPlugin, order, attributedTo);
    }

    /** The selector's directory part before its first wildcard: a longer one is a more specific mapping. */
    public String literalPrefix() {
        return selector.literalPrefix();
    }

    /** Whether the repository path (no leading slash) is selected. */
    public boolean matches(String path) {
        return selector.matches(path);
    }

    /** Whether files below {@code directory} (no trailing slash) may match. */
    public boolean mayContain(String directory) {
        return selector.mayContain(directory);
    }
}
