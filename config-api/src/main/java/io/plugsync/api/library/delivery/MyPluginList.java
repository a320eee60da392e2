package io.plugsync.api.library.delivery;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** {@code {items}}: every plugin the caller may install in one organisation, by name (not paged). */
@RegisterForReflection
public record MyPluginList(List<MyPluginSummary> items) {}
