package io.plugsync.api.library.plugin;

import io.plugsync.api.library.support.Validation;
import java.util.Set;
import java.util.UUID;

/** Request bodies of the plugin endpoints. */
public final class PluginRequests {
    static final Set<String> SETTABLE_STATUSES = Set.of("active", "inactive", "archived");

    private PluginRequests() {}

    public record Create(String name, String description) {
        void validate() {
            new Validation()
                    .text(name, "/name", 200, true)
                    .text(description, "/description", 2000, false)
                    .throwIfAny("the plugin is not valid");
        }
    }

    /** {@code PATCH}: absent (null) fields stay as they are. */
    public record Update(String name, String description, String status) {
        void validate() {
            new Validation()
                    .text(name, "/name", 200, false)
                    .text(description, "/description", 2000, false)
                    .require(
                            status == null || SETTABLE_STATUSES.contains(status),
                            "/status",
                            "one of active, inactive," + " archived",
                            "enum")
                    .throwIfAny("the plugin change is not valid");
        }
    }

    public record AddMember(UUID configObjectId) {}

    /** {@code POST /config-objects/{id}/plugins}: the plugin the object joins. */
    public record AddToPlugin(UUID pluginId) {}
}
