package dev.ward.undertow.internal;

import dev.ward.CircuitBreakerOpenException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;

/**
 * {@code @CircuitBreaker}: an open breaker refuses the request here, on the I/O thread, with 503 and
 * {@code Retry-After}, before anything of it runs; an admitted request carries its permit, and {@link Outcome}
 * reports on it once the exchange has completed: one outcome per request, whatever ran inside.
 */
final class CircuitBreakerHandler implements ChainStep {
    private final Route route;
    private final Breaker breaker;
    private final HttpHandler next;

    CircuitBreakerHandler(Route route, Breaker breaker, HttpHandler next) {
        this.route = route;
        this.breaker = breaker;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RouteExchange routeExchange = exchange.getAttachment(RouteExchange.ATTACHMENT);
        Breaker.Permit permit = breaker.acquire();
        if (permit == null) {
            route.metrics().breakerRejected(route.name(), breaker.name());
            routeExchange.breakerOpen(new CircuitBreakerOpenException(breaker.name(),
                    Duration.ofSeconds(breaker.retryAfterSeconds())));
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
