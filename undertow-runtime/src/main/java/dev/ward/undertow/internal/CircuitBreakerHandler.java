package dev.ward.undertow.internal;

import dev.ward.CircuitBreakerOpenException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;

/**
 * {@code @CircuitBreaker}: an open breaker refuses the request here, on the I/O thread, with 503 and
 * {@code Retry-After}, before anything of it runs; an admitted request carries its permit, and {@link Outcome}
 * reports on it once the exchange has completed: one outcome per request, whatever ran inside.
 *
 * <p>When the route's {@code @Fallback} applies on {@link CircuitBreakerOpenException}, a refused request goes on
 * to {@code toFallback} instead: the chain below the admission steps (deadline, body, dispatch), so it is bound
 * like any request, and the handler raises the refusal as soon as its fallback is registered, before the route's
 * method could run ({@link RouteExchange#onFailure}). It takes no permit, so it records no outcome and no probe.
 */
final class CircuitBreakerHandler implements ChainStep {
    private final Route route;
    private final Breaker breaker;
    private final HttpHandler next;
    /** Where a refusal the route's fallback answers goes: below the admission steps; null when none does. */
    private final HttpHandler toFallback;

    CircuitBreakerHandler(Route route, Breaker breaker, HttpHandler next, HttpHandler toFallback) {
        this.route = route;
        this.breaker = breaker;
        this.next = next;
        this.toFallback = toFallback;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RouteExchange routeExchange = exchange.getAttachment(RouteExchange.ATTACHMENT);
        Breaker.Permit permit = breaker.acquire();
        if (permit == null) {
            route.metrics().breakerRejected(route.name(), breaker.name());
            CircuitBreakerOpenException open = new CircuitBreakerOpenException(breaker.name(),
                    Duration.ofSeconds(breaker.retryAfterSeconds()));
            if (toFallback == null) {
                routeExchange.breakerOpen(open);
            } else {
                routeExchange.leaveToFallback(open);
                toFallback.handleRequest(exchange);
            }
            return;
        }
        routeExchange.breakerPermit(permit);
        next.handleRequest(exchange);
    }

    @Override
    public HttpHandler next() {
        return next;
    }

    @Override
    public String toString() {
        return breaker.toString();
    }

    /**
     * The breaker's completion step: a failure is an exception answered as one, a passed deadline, a 5xx, or an
     * exchange that ended without an answer (the client gave up); a request refused further in (shed, bulkhead,
     * compensation bound) gives its permit back without an outcome.
     */
    static final class Outcome implements CompletionStep {
        private final Breaker breaker;

        Outcome(Breaker breaker) {
            this.breaker = breaker;
        }

        @Override
        public void completed(RouteExchange exchange) {
            Breaker.Permit permit = exchange.breakerPermit();
            if (permit == null) {
                return;
            }
            if (exchange.refused()) {
                permit.release();
                return;
            }
            HttpServerExchange http = exchange.httpExchange();
            permit.record(exchange.failure() != null || exchange.timedOut() || http.getStatusCode() >= 500
                    || !http.isResponseStarted());
        }

        @Override
        public String toString() {
            return "record-outcome(" + breaker.name() + ")";
        }
    }
}
