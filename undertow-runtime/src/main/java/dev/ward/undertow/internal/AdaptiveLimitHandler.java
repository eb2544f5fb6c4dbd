package dev.ward.undertow.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * An adaptive concurrency limit (the route's {@code @AdaptiveConcurrency}, or the server's): a request over the
 * current limit is shed at once with 503 and {@code Retry-After: 1}, on the I/O thread, before it waits for a
 * worker or reads its body; an admitted one is counted until its exchange completes ({@link Release}).
 */
final class AdaptiveLimitHandler implements ChainStep {
    private final Route route;
    private final AdaptiveLimiter limiter;
    private final HttpHandler next;

    AdaptiveLimitHandler(Route route, AdaptiveLimiter limiter, HttpHandler next) {
        this.route = route;
        this.limiter = limiter;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RouteExchange routeExchange = exchange.getAttachment(RouteExchange.ATTACHMENT);
        long admitted = limiter.tryAcquire();
        if (admitted == AdaptiveLimiter.REFUSED) {
            route.metrics().shed(route.name());
            routeExchange.refuse(503, "the server is at its concurrency limit; retry later", 1);
            return;
        }
        routeExchange.limitAdmittedNanos(admitted);
        next.handleRequest(exchange);
    }

    @Override
    public HttpHandler next() {
        return next;
    }

    @Override
    public String toString() {
        return limiter.toString();
    }

    /** The limit's completion step: frees the place; the round trip is a sample unless the request was refused. */
    static final class Release implements CompletionStep {
        private final AdaptiveLimiter limiter;

        Release(AdaptiveLimiter limiter) {
            this.limiter = limiter;
        }

        @Override
        public void completed(RouteExchange exchange) {
            long admitted = exchange.limitAdmittedNanos();
            if (admitted != AdaptiveLimiter.REFUSED) {
                limiter.release(admitted, !exchange.refused());
            }
        }

        @Override
        public String toString() {
            return "release-limit(" + limiter.name() + ")";
        }
    }
}
