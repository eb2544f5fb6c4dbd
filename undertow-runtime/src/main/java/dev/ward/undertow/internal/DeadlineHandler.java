package dev.ward.undertow.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * {@code @Timeout}: starts the route's clock as the request enters it, so body reading and queue wait count, and
 * arms a timer on the exchange's own I/O thread (no thread per request). {@link RouteExchange} owns the race;
 * {@link #CANCEL} removes the timer once the exchange completes.
 */
final class DeadlineHandler implements HttpHandler {
    static final CompletionStep CANCEL = RouteExchange::cancelDeadline;

    private final HttpHandler next;

    DeadlineHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.getAttachment(RouteExchange.ATTACHMENT).armDeadline(System.nanoTime());
        next.handleRequest(exchange);
    }
}
