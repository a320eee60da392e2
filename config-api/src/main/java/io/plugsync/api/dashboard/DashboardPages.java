package io.plugsync.api.dashboard;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The dashboard's pages are paths ({@code /library/objects/{id}}, {@code /plugins/{id}/releases},
 * ...): a bookmark or a reload of one must get the single-page app, which then shows that page.
 *
 * <p>Quinoa's own SPA fallback cannot do it here: it runs after Quarkus REST, and Quarkus REST
 * hands every path no resource matches to the exception mappers (our problem+json 404) instead of
 * the next route ({@code quarkus.rest.resume-on404} has been a no-op since 3.9, quarkusio/quarkus
 * PR 56716). So the page paths are rerouted to {@code /} (the app's index) before REST sees them.
 * The same prefixes are public in {@code quarkus.http.auth.permission.dashboard.paths} and routed
 * to config-api by the Ingress ({@code deploy/base/ingress/config-api.yaml}).
 */
@ApplicationScoped
public class DashboardPages {
    /** Every page of the app: its sections and anything below them. */
    public static final String PAGES = "/(connectors|library|plugins|access|sources)(/.*)?";

    void install(@Observes Router router) {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
            router.routeWithRegex(method, PAGES)
                    .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                    .handler(ctx -> ctx.reroute(method, "/"));
        }
    }
}
