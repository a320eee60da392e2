package io.plugsync.api.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rollout defaults that apply to a publish without a {@code rollout}: the connector's own (if
 * set), the organisation's (if set), and the one that wins ({@code effective}, all at once when
 * neither is set).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RolloutDefaults(JsonNode connector, JsonNode organization, JsonNode effective, String effectiveSpec) {

    static RolloutDefaults of(JsonNode connector, JsonNode organization) {
        RolloutSpec effective = RolloutSpecs.parse(connector, "/connector")
                .or(() -> RolloutSpecs.parse(organization, "/organization"))
                .orElse(RolloutSpec.ALL_AT_ONCE);
        return new RolloutDefaults(connector, organization, effective.toJson(), effective.compact());
    }
}
