package dev.ward.undertow.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * {@code @Compensable}: lets a request into its route only while the {@link Compensator} can hold its
 * compensation, should it fail; otherwise a 503 before any of it runs (no body read, no handler), counted as
 * {@code ward.compensations.refused}; so is a request that comes while the compensation store is unreachable.
 * Ward never accepts work whose compensation it could not hold or record.
 */
final class CompensationAdmission implements ChainStep {
    private final Compensator compensator;
    private final Route route;
    private final HttpHandler next;

    CompensationAdmission(Compensator compensator, Route route, HttpHandler next) {
        this.compensator = compensator;
        this.route = route;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RouteExchange routeExchange = exchange.getAttachment(RouteExchange.ATTACHMENT);
        if (!compensator.hold()) {
            route.metrics().compensationRefused(route.name());
            routeExchange.unavailable(compensator.storeReachable()
                    ? "too many compensations are pending on this server; retry later"
                    : "the compensation store is unreachable; retry later");
            return;
        }
        routeExchange.compensationHeld(true);
        next.handleRequest(exchange);
    }

    @Override
    public HttpHandler next() {
        return next;
    }

    @Override
    public String toString() {
        return "compensable(" + route.spec().compensationSpec().method() + ")";
    }
}
