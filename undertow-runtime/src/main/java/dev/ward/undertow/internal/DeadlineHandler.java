package dev.ward.undertow.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * {@code @Timeout}: starts the route's clock as the request enters it, so body reading and queue wait count, and
 * arms a timer on the exchange's own I/O thread (no thread per request). {@link RouteExchange} owns the race;
 * {@link #CANCEL} removes the timer once the exchange completes.
 */
final class DeadlineHandler implements ChainStep {
    static final CompletionStep CANCEL = new CompletionStep() {
        @Override
        public void completed(RouteExchange exchange) {
            exchange.cancelDeadline();
        }

        @Override
        public String toString() {
            return "cancel-deadline";
        }
    };

    private final Route route;
    private final HttpHandler next;

    DeadlineHandler(Route route, HttpHandler next) {
        this.route = route;
        this.next = next;
    }

    @Override
    public HttpHandler next() {
        return next;
    }

    @Override
    public String toString() {
        return "deadline(" + route.timeoutText() + ")";
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.getAttachment(RouteExchange.ATTACHMENT).armDeadline(System.nanoTime());
        next.handleRequest(exchange);
    }
}
