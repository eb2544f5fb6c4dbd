package dev.ward.undertow.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * {@code @RateLimit}: the outermost refusal of a route, on the I/O thread: a request over the limit gets 429 with
 * {@code Retry-After} (whole seconds until a token is there, rounded up) before anything else is spent on it.
 */
final class RateLimitHandler implements ChainStep {
    private final Route route;
    private final RateLimiter limiter;
    private final HttpHandler next;

    RateLimitHandler(Route route, RateLimiter limiter, HttpHandler next) {
        this.route = route;
        this.limiter = limiter;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RouteExchange routeExchange = exchange.getAttachment(RouteExchange.ATTACHMENT);
        String key = limiter.keyHeader().isEmpty() ? null
                : exchange.getRequestHeaders().getFirst(limiter.keyHeader());
        if (key != null && key.length() > RateLimiter.MAX_KEY_LENGTH) {
            routeExchange.reject(new BindException("header '" + limiter.keyHeader() + "' is longer than "
                    + RateLimiter.MAX_KEY_LENGTH + " characters"));
            return;
        }
        long wait = limiter.take(key);
        if (wait > 0) {
            route.metrics().rateLimited(route.name());
            routeExchange.refuse(429, "this route takes at most its rate of requests; retry later",
                    (wait + 999_999_999L) / 1_000_000_000L);
            return;
        }
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
}
