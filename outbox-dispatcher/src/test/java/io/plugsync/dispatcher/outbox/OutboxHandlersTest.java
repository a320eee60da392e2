package io.plugsync.dispatcher.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugsync.common.outbox.EventType;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.dispatcher.connector.ConnectorVersionHandler;
import io.plugsync.dispatcher.library.ConfigObjectEvents;
import io.plugsync.dispatcher.library.PluginEvents;
import io.plugsync.dispatcher.library.TeamEvents;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dispatcher's handlers against the outbox contract: nothing any service writes goes unhandled. */
class OutboxHandlersTest {
    /** The dispatcher's handler beans (their collaborators are not needed to index them). */
    private static List<OutboxHandler> dispatcherHandlers() {
        return List.of(
                new ConnectorVersionHandler(null, null, null, null, null, null),
                new ConfigObjectEvents(null, null, null, null),
                new PluginEvents(null, null, null, null),
                new TeamEvents(null, null, null, null));
    }

    @Test
    void everyEventTypeOfTheContractHasAHandlerForItsAggregateType() {
        Map<String, OutboxHandler> index = OutboxHandlers.index(dispatcherHandlers());
        assertThat(index.keySet()).containsExactlyInAnyOrderElementsOf(OutboxContract.aggregateTypes());
        for (EventType<?> type : OutboxContract.ALL) {
            assertThat(index.get(type.aggregateType()).eventTypes())
                    .as(type.name())
                    .contains(type);
        }
    }

    @Test
    void startUpIsRefusedWhenAnEventTypeHasNoHandler() {
        List<OutboxHandler> withoutPlugins = List.of(
                new ConnectorVersionHandler(null, null, null, null, null, null),
                new ConfigObjectEvents(null, null, null, null),
                new TeamEvents(null, null, null, null));
        assertThatThrownBy(() -> OutboxHandlers.index(withoutPlugins))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OutboxContract.PLUGIN_MEMBERSHIP_CHANGED.name())
                .hasMessageContaining(OutboxContract.PLUGIN_RELEASE_CREATED.name());
    }

    @Test
    void twoHandlersCannotShareAnAggregateType() {
        OutboxHandler rival = new OutboxHandler() {
            @Override
            public Set<EventType<?>> eventTypes() {
                return Set.of(OutboxContract.PLUGIN_RELEASE_CREATED);
            }

            @Override
            public Uni<Void> deliver(OutboxRecord event) {
                return Uni.createFrom().voidItem();
            }
        };
        List<OutboxHandler> handlers = List.of(
                new ConnectorVersionHandler(null, null, null, null, null, null),
                new ConfigObjectEvents(null, null, null, null),
                new PluginEvents(null, null, null, null),
                new TeamEvents(null, null, null, null),
                rival);
        assertThatThrownBy(() -> OutboxHandlers.index(handlers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two handlers");
    }
}
