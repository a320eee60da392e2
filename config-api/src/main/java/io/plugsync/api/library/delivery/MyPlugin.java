package io.plugsync.api.library.delivery;

import io.plugsync.common.delivery.DeliveredPlugin;
import io.plugsync.common.delivery.ResolvedPlugin;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/** One plugin the caller may install, whole: every member's file ({@code path}) and its text. */
@RegisterForReflection
public record MyPlugin(
        UUID pluginId, String name, String description, long version, String checksum, List<MemberFile> members) {

    @RegisterForReflection
    public record MemberFile(
            UUID configObjectId, String objectType, String title, UUID versionId, String path, String content) {}

    static MyPlugin of(DeliveredPlugin delivered) {
        ResolvedPlugin plugin = delivered.plugin();
        return new MyPlugin(
                plugin.pluginId(),
                plugin.name(),
                plugin.description(),
                delivered.version(),
                delivered.checksum(),
                plugin.members().stream()
                        .map(m -> new MemberFile(
                                m.configObjectId(), m.objectType(), m.title(), m.versionId(), m.path(), m.content()))
                        .toList());
    }
}
