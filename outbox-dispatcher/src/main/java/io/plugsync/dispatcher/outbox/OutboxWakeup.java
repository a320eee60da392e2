package io.plugsync.dispatcher.outbox;

import io.plugsync.dispatcher.config.DispatcherConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * LISTEN plugsync_outbox: the insert trigger's NOTIFY wakes the drainer within milliseconds of a
 * commit. The poll timer in {@link OutboxDrainer} covers lost connections and retries coming due.
 */
@ApplicationScoped
public class OutboxWakeup {
    static final String CHANNEL = "plugsync_outbox";
    private static final Logger LOG = Logger.getLogger(OutboxWakeup.class);

    private final Vertx vertx;
    private final OutboxDrainer drainer;
    private final DispatcherConfig config;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    public OutboxWakeup(
            Vertx vertx,
            OutboxDrainer drainer,
            DispatcherConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.drainer = drainer;
        this.config = config;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        PgConnectOptions options =
                PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL).handler(aggregateType -> drainer.wake());
        subscriber
                .connect()
                .subscribe()
                .with(
                        ok -> {
                            LOG.infof("listening on %s", CHANNEL);
                            drainer.wake();
                        },
                        failure -> LOG.warnf("LISTEN %s failed, polling only until reconnect: %s", CHANNEL, failure));
        drainer.wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }
}
