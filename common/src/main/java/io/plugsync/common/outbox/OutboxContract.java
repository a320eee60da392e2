package io.plugsync.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The transactional outbox's contract: every aggregate type and event type any service writes,
 * named here and nowhere else, and the one JSON reading and writing of their payloads. Writers go
 * through {@link OutboxWriter} (or, for a publish, the SQL function that a test holds to the same
 * JSON); the dispatcher decodes with {@link #decode} and refuses to start without a handler for
 * every aggregate type in {@link #ALL}.
 */
public final class OutboxContract {
    /** An integration connector: its published versions and its replica pointer's rollout moves. */
    public static final String CONNECTOR = "connector";
    /** A library config object (skill, agent, command, ...). */
    public static final String CONFIG_OBJECT = "config_object";
    /** A library plugin: itself, its members, releases and grants. */
    public static final String PLUGIN = "plugin";
    /** A team of organisation members (grants name teams). */
    public static final String TEAM = "team";

    public static final EventType<ConnectorVersionPublished> CONNECTOR_VERSION_PUBLISHED =
            new EventType<>(CONNECTOR, "connector.version.published", 1, ConnectorVersionPublished.class);
    public static final EventType<ConnectorRolloutMoved> CONNECTOR_ROLLOUT_MOVED =
            new EventType<>(CONNECTOR, "connector.rollout.moved", 1, ConnectorRolloutMoved.class);
    public static final EventType<ConfigObjectVersionCreated> CONFIG_OBJECT_VERSION_CREATED =
            new EventType<>(CONFIG_OBJECT, "config_object.version.created", 1, ConfigObjectVersionCreated.class);
    public static final EventType<ConfigObjectChanged> CONFIG_OBJECT_CHANGED =
            new EventType<>(CONFIG_OBJECT, "config_object.changed", 1, ConfigObjectChanged.class);
    public static final EventType<PluginChanged> PLUGIN_CHANGED =
            new EventType<>(PLUGIN, "plugin.changed", 1, PluginChanged.class);
    public static final EventType<PluginGrantChanged> PLUGIN_GRANT_CHANGED =
            new EventType<>(PLUGIN, "plugin.grant.changed", 1, PluginGrantChanged.class);
    public static final EventType<TeamChanged> TEAM_CHANGED =
            new EventType<>(TEAM, "team.changed", 1, TeamChanged.class);
    public static final EventType<TeamMembershipChanged> TEAM_MEMBERSHIP_CHANGED =
            new EventType<>(TEAM, "team.membership.changed", 1, TeamMembershipChanged.class);
    public static final EventType<PluginMembershipChanged> PLUGIN_MEMBERSHIP_CHANGED =
            new EventType<>(PLUGIN, "plugin.membership.changed", 1, PluginMembershipChanged.class);
    public static final EventType<PluginReleaseCreated> PLUGIN_RELEASE_CREATED =
            new EventType<>(PLUGIN, "plugin.release.created", 1, PluginReleaseCreated.class);

    /** Every event type that may be written. */
    public static final List<EventType<?>> ALL = List.of(
            CONNECTOR_VERSION_PUBLISHED,
            CONNECTOR_ROLLOUT_MOVED,
            CONFIG_OBJECT_VERSION_CREATED,
            CONFIG_OBJECT_CHANGED,
            PLUGIN_CHANGED,
            PLUGIN_MEMBERSHIP_CHANGED,
            PLUGIN_RELEASE_CREATED,
            PLUGIN_GRANT_CHANGED,
            TEAM_CHANGED,
            TEAM_MEMBERSHIP_CHANGED);

    /** Payload JSON: snake_case fields from the records; unknown or missing required fields are refused. */
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private OutboxContract() {}

    /** The aggregate types of {@link #ALL}, each once. */
    public static Set<String> aggregateTypes() {
        Set<String> types = new LinkedHashSet<>();
        ALL.forEach(t -> types.add(t.aggregateType()));
        return types;
    }

    /** The event type of that aggregate with that name. */
    public static Optional<EventType<?>> find(String aggregateType, String name) {
        return ALL.stream()
                .filter(t -> t.aggregateType().equals(aggregateType) && t.name().equals(name))
                .findFirst();
    }

    /** A payload as stored in {@code outbox_event.payload}. */
    public static JsonNode encode(OutboxPayload payload) {
        return JSON.valueToTree(payload);
    }

    /**
     * Reads a stored event back into its record.
     *
     * @throws UndecodableEventException naming why: unknown type, newer schema, malformed payload
     */
    public static OutboxPayload decode(String aggregateType, String eventType, int schemaVersion, JsonNode payload) {
        EventType<?> type = find(aggregateType, eventType)
                .orElseThrow(() -> new UndecodableEventException(
                        "unknown event type '" + eventType + "' for aggregate type '" + aggregateType + "'", false));
        if (schemaVersion > type.schemaVersion()) {
            throw new UndecodableEventException(
                    eventType + " schema version " + schemaVersion + " is newer than this service's "
                            + type.schemaVersion(),
                    true);
        }
        try {
            return JSON.treeToValue(payload, type.payloadType());
        } catch (JsonProcessingException e) {
            throw new UndecodableEventException(
                    "malformed " + eventType + " payload: " + e.getOriginalMessage(), false);
        } catch (IllegalArgumentException e) {
            throw new UndecodableEventException("malformed " + eventType + " payload: " + e.getMessage(), false);
        }
    }
}
