package io.plugsync.api.library.delivery;

import io.plugsync.common.delivery.DeliveredPlugin;
import io.plugsync.common.delivery.ResolvedPlugin;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/** A plugin the caller may install, as listed: what it is and where each member goes, no content. */
@RegisterForReflection
public record MyPluginSummary(
        UUID pluginId, String name, String description, long version, String checksum, List<Member> members) {

    @RegisterForReflection
    public record Member(UUID configObjectId, String objectType, String title, UUID versionId, String path) {}

    static MyPluginSummary of(DeliveredPlugin delivered) {
        ResolvedPlugin plugin = delivered.plugin();
        return new MyPluginSummary(
                plugin.pluginId(),
                plugin.name(),
                plugin.description(),
                delivered.version(),
                delivered.checksum(),
                plugin.members().stream()
                        .map(m -> new Member(m.configObjectId(), m.objectType(), m.title(), m.versionId(), m.path()))
                        .toList());
    }
}
