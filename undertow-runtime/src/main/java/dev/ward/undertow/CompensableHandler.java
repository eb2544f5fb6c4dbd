package dev.ward.undertow;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * {@code @Compensable}: when the exchange completes, hands a failed request (exception, passed deadline, 5xx) to
 * the {@link Compensator}. Completion is the one moment that happens exactly once per request, so each failed
 * request is compensated exactly once, however its deadline and a late exception raced.
 */
final class CompensableHandler implements HttpHandler {
    private final Compensator compensator;
    private final Compensator.Registered target;
    private final HttpHandler next;

    CompensableHandler(Compensator compensator, Compensator.Registered target, HttpHandler next) {
        this.compensator = compensator;
        this.target = target;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RouteExchange route = exchange.getAttachment(RouteExchange.ATTACHMENT);
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            try {
                compensator.consider(route, target);
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }
}
